import type { InlineKeyboardButton } from 'telegraf/types';
import type { Answer } from '../answer/types.js';
import { TEXT } from './texts.js';

/** What a button under an answer asks for: more citations from `from`, or the passage of citation `index`. */
export type ButtonPress = { kind: 'more'; key: string; from: number } | { kind: 'passage'; key: string; index: number };

const PREFIX = { more: 'm', passage: 'p' } as const;

/** Callback data for a button; short enough for Telegram's 64 bytes. */
export function buttonData(press: ButtonPress): string {
  return `${PREFIX[press.kind]}:${press.key}:${press.kind === 'more' ? press.from : press.index}`;
}

export function parseButtonData(data: string): ButtonPress | null {
  const match = data.match(/^([mp]):([0-9a-z]+):(\d{1,3})$/);
  if (!match) return null;
  const [, prefix, key, position] = match;
  return prefix === PREFIX.more ? { kind: 'more', key, from: Number(position) } : { kind: 'passage', key, index: Number(position) };
}

/**
 * "更多来源" (when there is more than one citation) and "原文" under a found answer; "可能相关"
 * under a not-found answer when some passages come close.
 */
export function answerButtons(answer: Answer, key: string): InlineKeyboardButton[] {
  if (!answer.found) return answer.citations.length > 0 ? [{ text: TEXT.related, callback_data: buttonData({ kind: 'more', key, from: 0 }) }] : [];
  const buttons: InlineKeyboardButton[] = [{ text: TEXT.fullPassage, callback_data: buttonData({ kind: 'passage', key, index: 0 }) }];
  if (answer.citations.length > 1) buttons.unshift({ text: TEXT.moreSources, callback_data: buttonData({ kind: 'more', key, from: 1 }) });
  return buttons;
}
