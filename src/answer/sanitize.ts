import { AppError } from '../errors.js';

/**
 * Makes user input safe to process: drops HTML tags and control characters, folds white space.
 * Throws QUESTION_EMPTY / QUESTION_TOO_LONG with a message meant for the user.
 */
export function sanitizeQuestion(raw: string, maxChars: number): string {
  const text = raw
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(text)) throw new AppError('QUESTION_EMPTY');
  if (text.length > maxChars) throw new AppError('QUESTION_TOO_LONG', { length: text.length, limit: maxChars });
  return text;
}
