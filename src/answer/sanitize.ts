import stripAnsi from 'strip-ansi';
import { AppError } from '../errors.js';
import { hasNoContentWords } from './junk.js';
import type { Answer } from './types.js';

export type RejectionCode = 'QUESTION_EMPTY' | 'QUESTION_NO_WORDS' | 'QUESTION_TOO_LONG' | 'QUESTION_NOT_TEXT';

/** Why a question cannot be used, with the message meant for the asker. */
export interface Rejection {
  code: RejectionCode;
  message: string;
}

/** The rejection with code `code`, its message filled in from `params`. */
export function rejectionOf(code: RejectionCode, params: Record<string, number> = {}): Rejection {
  return { code, message: new AppError(code, params).message };
}

/** The answer to an unusable question: not found, no citations, the rejection's message and code. */
export function rejectedAnswer(question: string, rejection: Rejection, mode: Answer['mode'], totalMs: number): Answer {
  const understood = { question, cities: [], years: [], contextUsed: false };
  return { question, found: false, answer: rejection.message, citations: [], understood, mode, timings: { totalMs }, error: rejection.code };
}

export type SanitizedQuestion = { text: string; rejection?: undefined } | { text: string; rejection: Rejection };

/**
 * Makes user input safe to process: drops terminal escape sequences, HTML tags and control
 * characters, folds white space. An unusable question (empty, only emoji or punctuation, no
 * content word in any language, too long) comes back with a `rejection` instead of an exception,
 * so every surface answers it alike.
 */
export function sanitizeQuestion(raw: string, maxChars: number): SanitizedQuestion {
  const text = stripAnsi(raw)
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const reject = (code: RejectionCode, params: Record<string, number> = {}) => ({ text: text.slice(0, 200), rejection: rejectionOf(code, params) });
  if (text === '') return reject('QUESTION_EMPTY');
  if (hasNoContentWords(text)) return reject('QUESTION_NO_WORDS');
  if (text.length > maxChars) return reject('QUESTION_TOO_LONG', { length: text.length, limit: maxChars });
  return { text };
}
