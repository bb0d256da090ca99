import { dictionaryWordsSounding, isDictionaryWord } from '../text/dictionary.js';
import { tonelessSyllables } from '../text/syllables.js';

export interface ReportWords {
  has(word: string): boolean;
  /** The report word of 2–4 characters with this toneless pinyin: the first in jieba's dictionary, else the lexicon's first. */
  termSounding(sound: string): string | undefined;
}

/**
 * The words the reports use, as typing slips are checked against them: jieba dictionary words and
 * lexicon terms the index holds. Not every index term is one: 进中 of 推进中小企业 is a character
 * pair, so 进中 is a slip for 晋中, and 机占 of 装机占比 no word to correct 基站 to. The dictionary
 * is looked up in its prepared tables, never scanned.
 */
export function createReportWords(knows: (term: string) => boolean, lexiconTerms: string[]): ReportWords {
  const lexicon = new Set(lexiconTerms);
  let lexiconBySound: Map<string, string> | undefined;
  return {
    has: (word) => knows(word) && (lexicon.has(word) || isDictionaryWord(word)),
    termSounding(sound) {
      const fromDictionary = dictionaryWordsSounding(sound).find(knows);
      if (fromDictionary) return fromDictionary;
      if (!lexiconBySound) {
        lexiconBySound = new Map();
        for (const term of lexicon) {
          if (term.length < 2 || term.length > 4 || !knows(term)) continue;
          const termSound = tonelessSyllables(term);
          if (!lexiconBySound.has(termSound)) lexiconBySound.set(termSound, term);
        }
      }
      return lexiconBySound.get(sound);
    },
  };
}
