import { randomBytes } from 'node:crypto';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Answer } from '../answer/types.js';
import { EXAMPLE_QUESTIONS, TEXT } from './texts.js';

/**
 * What a button asks for: more citations from `from` (under the answer), the passage of citation
 * `index`, the answer back, a vote (👍 up, 👎 down), a rephrasing `index` of a not-found question
 * (asked as if typed), or an example question from /start.
 */
export type ButtonPress =
  | { kind: 'more'; key: string; from: number }
  | { kind: 'passage'; key: string; index: number }
  | { kind: 'answer'; key: string }
  | { kind: 'vote'; key: string; up: boolean }
  | { kind: 'rephrase'; key: string; index: number }
  | { kind: 'example'; index: number };

const PREFIX = { more: 'm', passage: 'p', answer: 'a', vote: 'v', rephrase: 'r', example: 'x' } as const;

/** A key for the buttons under one answer: 64 random bits, so no key can be guessed from another. */
export function newButtonKey(): string {
  return randomBytes(8).readBigUInt64BE().toString(36);
}

/** Callback data for a button; short enough for Telegram's 64 bytes. */
export function buttonData(press: ButtonPress): string {
  if (press.kind === 'example') return `${PREFIX.example}:${press.index}`;
  const position = press.kind === 'more' ? press.from : press.kind === 'passage' || press.kind === 'rephrase' ? press.index : press.kind === 'vote' ? Number(press.up) : 0;
  return `${PREFIX[press.kind]}:${press.key}:${position}`;
}

export function parseButtonData(data: string): ButtonPress | null {
  const example = data.match(/^x:(\d{1,2})$/);
  if (example) return { kind: 'example', index: Number(example[1]) };
  const match = data.match(/^([mpavr]):([0-9a-z]+):(\d{1,3})$/);
  if (!match) return null;
  const [, prefix, key, position] = match;
  const n = Number(position);
  if (prefix === PREFIX.more) return { kind: 'more', key, from: n };
  if (prefix === PREFIX.passage) return { kind: 'passage', key, index: n };
  if (prefix === PREFIX.vote) return { kind: 'vote', key, up: n === 1 };
  if (prefix === PREFIX.rephrase) return { kind: 'rephrase', key, index: n };
  return { kind: 'answer', key };
}

/**
 * Under a found answer: "原文" (its passage), "更多来源" when further citations bear on it, and
 * 👍/👎. Under a not-found answer: "可能相关" when some passages come close, and a button for each
 * rephrasing the reports answer.
 */
export function answerButtons(answer: Answer, key: string): InlineKeyboardButton[][] {
  if (!answer.found) return [...(answer.citations.length > 0 ? [[{ text: TEXT.related, callback_data: buttonData({ kind: 'more', key, from: 0 }) }]] : []), ...rephrasingButtons(answer, key)];
  if (answer.citations.length === 0) return [voteButtons(key)];
  const sources: InlineKeyboardButton[] = [{ text: TEXT.fullPassage, callback_data: buttonData({ kind: 'passage', key, index: 0 }) }];
  if (answer.citations.length > 1) sources.push({ text: TEXT.moreSources(answer.citations.length - 1), callback_data: buttonData({ kind: 'more', key, from: 1 }) });
  return [sources, voteButtons(key)];
}

/** One "原文 n" per citation shown (numbered as in the message), then the votes (for an answer) or the rephrasings (for a not-found). */
export function sourceButtons(answer: Answer, key: string, indexes: number[]): InlineKeyboardButton[][] {
  const passages = indexes.map((i) => ({ text: TEXT.passageOf(i + 1), callback_data: buttonData({ kind: 'passage', key, index: i }) }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < passages.length; i += 3) rows.push(passages.slice(i, i + 3));
  return answer.found ? [...rows, voteButtons(key)] : [...rows, ...rephrasingButtons(answer, key)];
}

/** One row per rephrasing of a not-found question, labelled with the question it asks. */
function rephrasingButtons(answer: Answer, key: string): InlineKeyboardButton[][] {
  return (answer.rephrasings ?? []).map((question, index) => [{ text: TEXT.rephrasing(question), callback_data: buttonData({ kind: 'rephrase', key, index }) }]);
}

export function backButtons(key: string): InlineKeyboardButton[][] {
  return [[{ text: TEXT.backToAnswer, callback_data: buttonData({ kind: 'answer', key }) }]];
}

function voteButtons(key: string): InlineKeyboardButton[] {
  return [
    { text: '👍', callback_data: buttonData({ kind: 'vote', key, up: true }) },
    { text: '👎', callback_data: buttonData({ kind: 'vote', key, up: false }) },
  ];
}

/** The example questions of /start and /help, one button each, that ask them. */
export function exampleButtons(): InlineKeyboardButton[][] {
  return EXAMPLE_QUESTIONS.map((question, index) => [{ text: question, callback_data: buttonData({ kind: 'example', index }) }]);
}
