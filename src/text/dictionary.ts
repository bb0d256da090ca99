import { readFileSync } from 'node:fs';
import { packageDataFile } from '../package-data.js';
import { prepared } from '../prepared/cache.js';
import { encodeSortedLines, openSortedLines, type SortedLines } from '../prepared/sorted-lines.js';
import { syllableTable, tonelessSyllables } from './syllables.js';

/** A word general Chinese uses this often (jieba's dictionary frequency) is meant as typed, not a slip. */
const COMMON_FREQUENCY = 100;

let bytes: Buffer | undefined;
let words: SortedLines | undefined;
let sounds: SortedLines | undefined;

/** Jieba's dictionary file: about 350,000 words, each with its frequency in general Chinese. */
export function dictionaryBytes(): Buffer {
  bytes ??= readFileSync(packageDataFile('@node-rs/jieba', 'dict.txt')!);
  return bytes;
}

/**
 * What the tables are made from: the pinned jieba package, named by its package.json (hashing the
 * 5 MB dictionary at every start cost more than reading a table).
 */
function dictionarySource(): Buffer {
  return readFileSync(packageDataFile('@node-rs/jieba', 'package.json')!);
}

/** Every word with whether it is common (`word\t1`), prepared once (see `prepared`) and searched in place. */
function wordsTable(): SortedLines {
  words ??= openSortedLines(
    prepared('dictionary-words-v2', dictionarySource(), () => {
      const common = new Map<string, boolean>();
      for (const { word, frequency } of dictionaryEntries()) common.set(word, common.get(word) === true || frequency >= COMMON_FREQUENCY);
      return encodeSortedLines([...common].map(([word, isCommon]) => `${word}\t${isCommon ? 1 : 0}`), keyOfLine);
    }),
  );
  return words;
}

/**
 * Every word of 2–4 characters by its toneless pinyin (`tai yuan\t太原`), in dictionary order within
 * a sound; opened only when a word looks like a slip, so most questions never read it.
 */
function soundsTable(): SortedLines {
  sounds ??= openSortedLines(
    prepared('dictionary-sounds-v2', Buffer.concat([dictionarySource(), Buffer.from(syllableTable().join(' '))]), () => {
      const seen = new Set<string>();
      const lines: string[] = [];
      for (const { word } of dictionaryEntries()) {
        if (seen.has(word) || word.length < 2 || word.length > 4) continue;
        seen.add(word);
        lines.push(`${tonelessSyllables(word)}\t${word}`);
      }
      return encodeSortedLines(lines, keyOfLine);
    }),
  );
  return sounds;
}

/** Opens both tables now (install, and warming a surface) instead of on the first question that needs them. */
export function openDictionaryTables(): void {
  wordsTable();
  soundsTable();
}

/** Whether jieba's dictionary has the word. */
export function isDictionaryWord(word: string): boolean {
  return wordsTable().startingWith(`${word}\t`).length > 0;
}

/**
 * Whether general Chinese uses a word often (jieba's dictionary frequency of 100 or more): such a
 * word is meant as typed, not a slip.
 */
export function isCommonWord(word: string): boolean {
  return wordsTable().startingWith(`${word}\t`).some((line) => line.endsWith('\t1'));
}

/** Dictionary words of 2–4 characters that sound `sound` ("gao xin"), in dictionary order. */
export function dictionaryWordsSounding(sound: string): string[] {
  return soundsTable()
    .startingWith(`${sound}\t`)
    .map((line) => line.slice(sound.length + 1));
}

function keyOfLine(line: string): string {
  return line.slice(0, line.indexOf('\t') + 1);
}

function* dictionaryEntries(): Generator<{ word: string; frequency: number }> {
  const text = dictionaryBytes().toString('utf8');
  // Line by line without splitting: 350,000 lines at once would be 40 MB of garbage.
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    const space = text.indexOf(' ', start);
    if (space > start && space < stop) yield { word: text.slice(start, space), frequency: Number.parseInt(text.slice(space + 1, stop), 10) };
    start = stop + 1;
  }
}
