import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '../config.js';

/** Where the shipped lexicon lives: `data/lexicon.yaml` in the project. */
export const LEXICON_FILE = path.resolve(import.meta.dirname, '..', '..', 'data', 'lexicon.yaml');

const lexiconSchema = z.object({
  frame: z.array(z.string().min(1)),
  same: z.array(z.array(z.string().min(1)).min(2)),
  topics: z.record(z.string(), z.record(z.string().min(1), z.array(z.string().min(1)).min(1))),
  english: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
});

/** An everyday phrase found in a question, with the report terms it stands for. */
export interface LexiconMatch {
  phrase: string;
  /** The phrase itself first, then the report terms; empty for a frame phrase (有没有, 多起来). */
  terms: string[];
  start: number;
  end: number;
}

export interface Lexicon {
  /** Words that only frame a question in a chat (以前, 有没有); no answer needs to say them. */
  readonly frame: ReadonlySet<string>;
  /** Number of phrases known, for the README and tests. */
  readonly size: number;
  /**
   * Phrases in `text` (frame phrases too, with no terms), longest first and not overlapping. A one-character phrase (河, 醋) counts
   * only where it is a whole word of `words` (jieba's cut of `text`), so 花 does not fire in 花钱.
   */
  find(text: string, words: string[]): LexiconMatch[];
  /** Report terms for a word, or [] (also for words the lexicon does not know). */
  termsFor(word: string): string[];
  /** Every report term the lexicon names (the right-hand sides and the `same` groups). */
  reportTerms(): string[];
  /** Report terms for an English word or phrase, in any word order (lower case, hyphens as spaces), or []. */
  english(phrase: string): string[];
}

export function loadLexicon(file = LEXICON_FILE): Lexicon {
  const parsed = lexiconSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is invalid: ${describeIssues(parsed.error)}`);
  const { frame, same, topics, english } = parsed.data;
  // Word order varies in English as people type it (new urban jobs, urban new jobs): phrases are matched as sets of words.
  const wordSet = (phrase: string) => phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');
  const englishTerms = new Map(Object.entries(english).map(([phrase, terms]) => [wordSet(phrase), terms]));
  const entries = new Map<string, Set<string>>();
  const reportTerms = new Set<string>();
  const add = (phrase: string, terms: string[]) => {
    for (const term of terms) reportTerms.add(term);
    const key = phrase.toLowerCase();
    const known = entries.get(key) ?? new Set<string>();
    for (const term of terms) if (term.toLowerCase() !== key) known.add(term.toLowerCase());
    entries.set(key, known);
  };
  for (const entriesOfTopic of Object.values(topics)) for (const [phrase, terms] of Object.entries(entriesOfTopic)) add(phrase, terms);
  for (const group of same) for (const term of group) add(term, group);
  const framePhrases = frame.filter((f) => f.length > 1 && !entries.has(f));
  const phrases = [...entries.keys(), ...framePhrases].sort((a, b) => b.length - a.length);

  return {
    frame: new Set(frame),
    size: entries.size,
    termsFor: (word) => [...(entries.get(word.toLowerCase()) ?? [])],
    reportTerms: () => [...reportTerms],
    english: (phrase) => englishTerms.get(wordSet(phrase)) ?? [],
    find(text, words) {
      const lower = text.toLowerCase();
      const singleWordAt = new Set<number>();
      let offset = 0;
      for (const word of words) {
        if (word.length === 1) singleWordAt.add(offset);
        offset += word.length;
      }
      const taken = new Uint8Array(lower.length);
      const found: LexiconMatch[] = [];
      for (const phrase of phrases) {
        for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
          if (phrase.length === 1 && !singleWordAt.has(at)) continue;
          if (taken.subarray(at, at + phrase.length).some(Boolean)) continue;
          taken.fill(1, at, at + phrase.length);
          const terms = entries.get(phrase);
          found.push({ phrase, terms: terms ? [phrase, ...terms] : [], start: at, end: at + phrase.length });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
