import { readFileSync } from 'node:fs';
import type { pinyin as pinyinOf } from 'pinyin-pro';
import { onFirstUse } from '../on-first-use.js';
import { packageDataFile } from '../package-data.js';
import { prepared } from '../prepared/cache.js';

const FIRST = 0x3400;
const LAST = 0x9fff;
const pinyinPro = onFirstUse<{ pinyin: typeof pinyinOf }>('pinyin-pro');

let table: string[] | undefined;

/**
 * The toneless pinyin of each CJK character (U+3400–U+9FFF) as pinyin-pro reads it on its own,
 * prepared once per pinyin-pro version, so reading a question needs neither the package (a quarter
 * of a second to load) nor its dictionary.
 */
export function syllableTable(): string[] {
  table ??= prepared('syllables-v1', readFileSync(packageDataFile('pinyin-pro', 'package.json')!), () => {
    const syllables: string[] = [];
    for (let code = FIRST; code <= LAST; code++) syllables.push(pinyinPro().pinyin(String.fromCharCode(code), { toneType: 'none' }));
    return syllables.join(' ');
  })
    .toString('utf8')
    .split(' ');
  return table;
}

/** One character's toneless pinyin (太 -> tai); a character outside the table is asked of pinyin-pro. */
export function syllableOf(char: string): string {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= FIRST && code <= LAST ? syllableTable()[code - FIRST] : pinyinPro().pinyin(char, { toneType: 'none' });
}

/** Character by character, separated by spaces: 太原 -> "tai yuan" (the sound a pinyin keyboard slip keeps). */
export function tonelessSyllables(text: string): string {
  return [...text].map(syllableOf).join(' ');
}

let syllableSet: Set<string> | undefined;

/**
 * A run of Latin letters read as pinyin syllables, fewest syllables first ("bingzhou" -> "bing
 * zhou"); undefined when it is no pinyin.
 */
export function pinyinSyllables(latin: string): string | undefined {
  syllableSet ??= new Set(syllableTable().filter((s) => /^[a-z]+$/.test(s)));
  const word = latin.toLowerCase();
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const before = best[start];
      if (!before || !syllableSet.has(word.slice(start, end))) continue;
      if (!best[end] || best[end]!.length > before.length + 1) best[end] = [...before, word.slice(start, end)];
    }
  }
  return best[word.length]?.join(' ');
}
