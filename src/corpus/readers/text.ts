import type chardetModule from 'chardet';
import type iconvModule from 'iconv-lite';
import { onFirstUse } from '../../on-first-use.js';
import type { ReadOutcome, ReportReader } from './types.js';

// Loaded on the first file that is not plain UTF-8: answering a question lists the corpus folder but reads no report.
const chardet = onFirstUse<typeof chardetModule>('chardet');
const iconv = onFirstUse<typeof iconvModule>('iconv-lite');

/** Share of control characters (other than tab and line breaks) above which a file is not text. */
const CONTROL_SHARE = 0.02;
/** Share of U+FFFD replacement characters above which a decoding is wrong. */
const REPLACEMENT_SHARE = 0.01;

/**
 * Plain text and Markdown in UTF-8 (with or without a BOM), UTF-16 with a BOM, or the GB18030/GBK
 * and Big5 encodings older government files use — detected with `chardet` and decoded with
 * `iconv-lite`. Empty files, binary files and text no encoding reads are skipped with a reason.
 */
export const textReader: ReportReader = {
  extensions: ['.txt', '.md'],
  async read(bytes) {
    return decodeText(bytes);
  },
};

export function decodeText(bytes: Buffer): ReadOutcome {
  if (bytes.toString('utf8').trim() === '') return { ok: false, reason: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(iconv().decode(bytes, 'utf-16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(iconv().decode(bytes, 'utf-16be'));
  if (looksBinary(bytes)) return { ok: false, reason: 'binary file, not text' };
  try {
    return checked(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    const guess = chardet().detect(bytes);
    const encoding = guess && /^(GB18030|GBK|GB2312|Big5|UTF-16LE|UTF-16BE)$/i.test(guess) ? (/^GB/i.test(guess) ? 'gb18030' : guess) : 'gb18030';
    return checked(iconv().decode(bytes, encoding));
  }
}

function checked(text: string): ReadOutcome {
  const replacements = (text.match(/\uFFFD/g) ?? []).length;
  if (replacements > text.length * REPLACEMENT_SHARE) return { ok: false, reason: 'undecodable text (not UTF-8, GB18030 or Big5)' };
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, report: { text } };
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * CONTROL_SHARE;
}
