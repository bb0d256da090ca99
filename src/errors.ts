/** Every failure a user can meet, with the message template shown to them. Tests assert codes, not wording. */
const MESSAGES = {
  CORPUS_MISSING: 'No reports found in {dir}. Put .txt report files there (see README, "Adding a report").',
  CORPUS_MANIFEST_INVALID: 'The corpus manifest {file} is invalid: {detail}',
  INDEX_MISSING: 'No index found in {dir}. Run `npm run ingest` to build it.',
  INDEX_CORRUPT: 'The index in {dir} is damaged ({detail}). Run `npm run ingest` to rebuild it.',
  INDEX_STALE: 'The index in {dir} was built for {detail}. Run `npm run ingest` to rebuild it.',
  MODEL_UNAVAILABLE: 'Embedding model {model} could not be loaded: {detail}',
  QUESTION_EMPTY: 'The question is empty. Ask something about the reports, e.g. "太原2025年地区生产总值增长目标是多少？"',
  QUESTION_TOO_LONG: 'The question is {length} characters long; the limit is {limit}. Please shorten it.',
  CONFIG_INVALID: 'Configuration error: {detail}',
  EVAL_FILE_INVALID: 'The question file {file} is invalid at line {line}: {detail}',
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(MESSAGES[code].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`)), options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** An unusable question (empty, too long): tell the asker, do not treat it as a failure. */
export function isQuestionRejected(error: unknown): error is AppError {
  return error instanceof AppError && error.code.startsWith('QUESTION_');
}
