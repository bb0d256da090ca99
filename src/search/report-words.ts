import { dictionaryWordsSounding, isDictionaryWord } from '../text/dictionary.js';
import { tonelessSyllables } from '../text/syllables.js';

export interface ReportWords {
  has(word: string): boolean;
  /**
   * The report word of 2–4 characters with this toneless pinyin: the first in jieba's dictionary, else
   * the lexicon's first. Given the word typed, one sharing a character with it, the most said first
   * (步到: 步道 of 健身步道, not 不到).
   */
  termSounding(sound: string, typed?: string): string | undefined;
}

/**
 * The words the reports use, as typing slips are checked against them: jieba dictionary words and
 * lexicon terms the index holds. Not every index term is one: 进中 of 推进中小企业 is a character
 * pair, so 进中 is a slip for 晋中, and 机占 of 装机占比 no word to correct 基站 to. The dictionary
 * is looked up in its prepared tables, never scanned.
 */
export function createReportWords(knows: (term: string) => boolean, lexiconTerms: string[], saidIn: (term: string) => number = () => 0): ReportWords {
  const lexicon = new Set(lexiconTerms);
  let lexiconBySound: Map<string, string> | undefined;
  return {
    has: (word) => knows(word) && (lexicon.has(word) || isDictionaryWord(word)),
    termSounding(sound, typed) {
      const known = dictionaryWordsSounding(sound).filter(knows);
      const sharing = typed ? known.filter((word) => sharesCharacter(word, typed)) : [];
      const mostSaid = sharing.sort((a, b) => saidIn(b) - saidIn(a))[0];
      const fromDictionary = mostSaid ?? known[0];
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

/** Whether two words have a character in common: a slip keeps one of the word meant (高薪 of 高新; 固投 is no 骨头). */
export function sharesCharacter(word: string, other: string): boolean {
  return [...other].some((c) => word.includes(c));
}
