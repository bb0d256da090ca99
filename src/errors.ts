/** Every failure a user can meet, with the message template shown to them. Tests assert codes, not wording. */
const MESSAGES = {
  CORPUS_MISSING: 'No reports found in {dir}. Put .txt report files there (see README, "Adding a report").',
  CORPUS_MANIFEST_INVALID: 'The corpus manifest {file} is invalid: {detail}',
  CORPUS_REFUSED: 'The reports in {dir} were not indexed ({detail}); answering from the last good index, built {builtAt}.',
  REPORT_NOT_A_FILE: '{detail}',
  REPORT_TOO_LARGE: '{size} MB, over the limit of {limit} MB a report may have on disk (MAX_REPORT_MB)',
  REPORT_TEXT_TOO_LARGE: 'its text would take over {limit} MB (MAX_REPORT_TEXT_MB)',
  REPORT_READ_TIMEOUT: 'reading it took longer than {limit} s (READ_TIMEOUT_S)',
  REPORT_READ_MEMORY: 'reading it needed more than {limit} MB of memory (READ_MEMORY_MB)',
  INDEX_MISSING: 'No index found in {dir}. Run `npm run ingest` to build it.',
  INDEX_CORRUPT: 'The index in {dir} is damaged ({detail}). Run `npm run ingest` to rebuild it.',
  INDEX_QUOTE_MISMATCH: 'The index in {dir} does not hold the report text it was built from ({detail}); the passage is not quoted and the index is rebuilt.',
  INDEX_STALE: 'The index in {dir} was built for {detail}. Run `npm run ingest` to rebuild it.',
  STORE_UNAVAILABLE: '暂时无法查询：报告数据库连不上（{detail}），请稍后再试。',
  MODEL_UNAVAILABLE: '{model} is unavailable: {detail}',
  QUESTION_EMPTY: '问题是空的。请问一个关于报告的问题，例如：太原2025年地区生产总值增长目标是多少？',
  QUESTION_NO_WORDS: '请用文字提问，例如：晋中卫生厕所普及率是多少？',
  QUESTION_NOT_TEXT: '这一行不是问题：JSON 行的 question 须是文字，thread 须是文字或数字。',
  QUESTION_TOO_LONG: '问题有 {length} 个字，超过了 {limit} 字的上限，请缩短后再问。',
  CONFIG_INVALID: 'Configuration error: {detail}',
  INDEX_DIR_UNUSABLE: 'Cannot use {dir} as the index folder: {detail}. Set INDEX_DIR to a writable folder.',
  EVAL_FILE_MISSING: 'Question file not found: {file}',
  EVAL_FILE_EMPTY: 'The question file {file} holds no questions.',
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
