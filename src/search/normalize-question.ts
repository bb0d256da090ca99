import { Converter } from 'opencc-js/t2cn';
import { normalizeText } from '../text/normalize.js';
import { digitsOf } from '../text/numerals.js';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** Chat particles and fillers that carry nothing a report could say, and thanks at the end. */
const FILLERS = /(?:那个|这个|就是说|就是|嗯+|呃+|(?<![\u3400-\u9fff])额+|哈+|啊+|呀+|嘛|吶|呐|哦+|噢|喔|咧|啦|哇|哟|呗)(?=[\s，,。？?！!]|$)|[，,。 ]*(?:谢谢|多谢|谢啦|谢了)[！!。~～]*$/g;
/** A greeting or a filler that opens a message (嗯，额，请问). */
const OPENING = /^(?:你好|您好)?[，,！! ]*(?:嗯+|呃+|额+|那个|请问一下|请问|问一下|想问一下|想问|我想知道|我想了解一下|想了解一下|麻烦问下)?[，, ]*/;
/** 二〇二五年, 二零二五年: a year in Chinese digits. */
const YEAR_IN_WORDS = /([〇零一二三四五六七八九]{4})年/g;

/**
 * Reads a question the way people type it into the spelling the reports use: NFKC folds full-width
 * digits and letters (２０２６ -> 2026), OpenCC turns traditional characters into simplified ones
 * (晉中 -> 晋中), greetings, thanks and chat particles go (…多少人啊 -> …多少人), and a year in
 * Chinese digits (二〇二五年) or with two digits (25年) is read as 20xx.
 */
export function normalizeQuestion(text: string): string {
  return toSimplified(normalizeText(text))
    .replace(OPENING, '')
    .replace(FILLERS, '')
    .replace(YEAR_IN_WORDS, (_: string, numerals: string) => `${digitsOf(numerals)}年`)
    .replace(/(?<![\d.])(1[5-9]|[23]\d)年(?!代|前|后|来|间)/g, '20$1年')
    .replace(/\s+/g, ' ')
    .trim();
}
