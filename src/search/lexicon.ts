import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeIssues } from '../config.js';
import { onFirstUse } from '../on-first-use.js';
import { PREPARED_DIR, prepared } from '../prepared/cache.js';

/** Where the shipped lexicon lives: `data/lexicon.yaml` in the project. */
export const LEXICON_FILE = path.resolve(import.meta.dirname, '..', '..', 'data', 'lexicon.yaml');

const lexiconSchema = z.object({
  frame: z.array(z.string().min(1)),
  same: z.array(z.array(z.string().min(1)).min(2)),
  topics: z.record(z.string(), z.record(z.string().min(1), z.array(z.string().min(1)).min(1))),
  english: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
  described: z.record(z.string().min(1), z.array(z.array(z.string().min(1)).min(1)).min(2)).default({}),
});

/** An everyday phrase found in a question, with the report terms it stands for. */
export interface LexiconMatch {
  phrase: string;
  /** The phrase itself first, then the report terms; empty for a frame phrase (有没有, 多起来). */
  terms: string[];
  start: number;
  end: number;
}

/** A report term a question describes instead of naming (把水往山上抽…发电 -> 抽水蓄能). */
export interface DescribedMatch {
  term: string;
  /** The term first, then the report terms the lexicon gives for it, lower-cased as sentences are compared. */
  terms: string[];
  /** Where the describing words are in the text. */
  spans: Array<[number, number]>;
  /** Where the words of its first group (the thing itself, not a side of it) are. */
  definingSpans: Array<[number, number]>;
  /** The question names the term itself. */
  named: boolean;
  /** How many of the term's groups the text says a word of (at least two). */
  sides: number;
  /** The words (of two or more characters, lower-cased) of each side the text says one of: a group's words say one side, so a sentence may say it in another of them (农村公路 for 农村的路). */
  sideWords: string[][];
}

export interface Lexicon {
  /** Words that only frame a question in a chat (以前, 有没有); no answer needs to say them. */
  readonly frame: ReadonlySet<string>;
  /** Number of phrases known, for the README and tests. */
  readonly size: number;
  /** Groups of report terms that mean the same thing (规上 = 规模以上), as the lexicon lists them. */
  readonly same: readonly string[][];
  /**
   * Phrases in `text` (frame phrases too, with no terms), longest first and not overlapping. A one-character phrase (河, 醋) counts
   * only where it is a whole word of `words` (jieba's cut of `text`), so 花 does not fire in 花钱.
   */
  find(text: string, words: string[]): LexiconMatch[];
  /**
   * Report terms `text` describes: it says a word of the term's first group (what sets the term
   * apart) and of at least one more group (another side of what it is). A one-character word counts
   * only as a whole word of `words`.
   */
  described(text: string, words: string[]): DescribedMatch[];
  /** Report terms for a word, or [] (also for words the lexicon does not know). */
  termsFor(word: string): string[];
  /** Every report term the lexicon names (the right-hand sides and the `same` groups). */
  reportTerms(): string[];
  /** Report terms for an English word or phrase, in any word order (lower case, hyphens as spaces), or []. */
  english(phrase: string): string[];
}

const yaml = onFirstUse<{ parse: typeof parseYaml }>('yaml');

/**
 * The lexicon in `file`, read from its prepared JSON (checked and converted once per edit of the
 * file: parsing the YAML took most of a second at every start).
 */
export function loadLexicon(file = LEXICON_FILE, preparedDir = PREPARED_DIR): Lexicon {
  const source = readFileSync(file);
  const data = JSON.parse(prepared('lexicon-v1', source, () => JSON.stringify(checkedLexicon(source, file)), preparedDir).toString('utf8')) as LexiconData;
  return lexiconOf(data);
}

type LexiconData = z.infer<typeof lexiconSchema>;

function checkedLexicon(source: Buffer, file: string): LexiconData {
  const parsed = lexiconSchema.safeParse(yaml().parse(source.toString('utf8')));
  if (!parsed.success) throw new Error(`${file} is invalid: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

function lexiconOf({ frame, same, topics, english, described }: LexiconData): Lexicon {
  // Word order varies in English as people type it (new urban jobs, urban new jobs): phrases are matched as sets of words.
  const wordSet = (phrase: string) => phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');
  // Report terms are compared lower-cased, as sentences are (5G基站 is said in "5g基站").
  const englishTerms = new Map(Object.entries(english).map(([phrase, terms]) => [wordSet(phrase), terms.map((term) => term.toLowerCase())]));
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
  const describedTerms = Object.entries(described).map(([term, groups]) => {
    reportTerms.add(term);
    return { term, key: term.toLowerCase(), groups: groups.map((group) => group.map((word) => word.toLowerCase())) };
  });
  const framePhrases = frame.filter((f) => f.length > 1 && !entries.has(f));
  const phrases = [...entries.keys(), ...framePhrases].sort((a, b) => b.length - a.length);
  const phrasesByFirst = new Map<string, Array<{ phrase: string; rank: number }>>();
  for (const [rank, phrase] of phrases.entries()) {
    const starting = phrasesByFirst.get(phrase[0]) ?? [];
    starting.push({ phrase, rank });
    phrasesByFirst.set(phrase[0], starting);
  }

  return {
    frame: new Set(frame),
    size: entries.size,
    same,
    termsFor: (word) => [...(entries.get(word.toLowerCase()) ?? [])],
    reportTerms: () => [...reportTerms],
    english: (phrase) => englishTerms.get(wordSet(phrase)) ?? [],
    described(text, words) {
      const lower = text.toLowerCase();
      const singleWordAt = singleWordOffsets(words);
      // A description says its words with an aspect particle inside as often as not (出了名, 养过蟹): they are read without it.
      const kept = [...lower].map((char, at) => ({ char, at })).filter(({ char }, i, all) => !(ASPECT.test(char) && i > 0 && i + 1 < all.length));
      const bare = kept.map(({ char }) => char).join('');
      const spansOf = (word: string) => {
        const spans: Array<[number, number]> = [];
        for (let at = bare.indexOf(word); at >= 0; at = bare.indexOf(word, at + 1)) {
          const [start, end] = [kept[at].at, kept[at + word.length - 1].at + 1];
          if (word.length > 1 || singleWordAt.has(start)) spans.push([start, end]);
        }
        return spans;
      };
      const readings: Reading[] = [];
      for (const { term, key, groups } of describedTerms) {
        // Most terms are not described at all: their first group is looked for alone, then where it is.
        if (!groups[0].some((word) => bare.includes(word))) continue;
        const defining = groups[0].flatMap(spansOf);
        if (defining.length === 0) continue;
        const spans = [defining, ...groups.slice(1).map((group) => group.flatMap(spansOf))];
        if (spans.slice(1).every((said) => said.length === 0)) continue;
        const sides = spans.filter((said) => said.length > 0).length;
        const sideWords = groups.filter((_, i) => spans[i].length > 0).map((group) => group.filter((word) => word.length > 1)).filter((words) => words.length > 0);
        readings.push({ term, terms: [key, ...(entries.get(key) ?? [])], spans: spans.flat(), definingSpans: spans[0], sides, sideWords, named: lower.includes(key), offsets: offsetsOf(spans.flat()), defining: offsetsOf(spans[0]) });
      }
      return oneReadingEach(readings).map(({ term, terms, spans, definingSpans, named, sides, sideWords }) => ({ term, terms, spans, definingSpans, named, sides, sideWords }));
    },
    find(text, words) {
      const lower = text.toLowerCase();
      const singleWordAt = singleWordOffsets(words);
      const taken = new Uint8Array(lower.length);
      const found: LexiconMatch[] = [];
      // Every occurrence of every phrase, looked up by its first character, in the order of `phrases` and then of the text.
      const occurrences: Array<{ rank: number; at: number }> = [];
      for (let at = 0; at < lower.length; at++) {
        for (const { phrase, rank } of phrasesByFirst.get(lower[at]) ?? []) if (lower.startsWith(phrase, at)) occurrences.push({ rank, at });
      }
      occurrences.sort((a, b) => a.rank - b.rank || a.at - b.at);
      for (const { rank, at } of occurrences) {
        const phrase = phrases[rank];
        if (phrase.length === 1 && !singleWordAt.has(at)) continue;
        // A Latin phrase is a whole word: ai is not said in air.
        if (/^[a-z0-9]/.test(phrase) && /[a-z0-9]/.test(lower[at - 1] ?? '')) continue;
        if (/[a-z0-9]$/.test(phrase) && /[a-z0-9]/.test(lower[at + phrase.length] ?? '')) continue;
        if (taken.subarray(at, at + phrase.length).some(Boolean)) continue;
        taken.fill(1, at, at + phrase.length);
        const terms = entries.get(phrase);
        found.push({ phrase, terms: terms ? [phrase, ...terms] : [], start: at, end: at + phrase.length });
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

/** A described term as one question reads it, with what settles which reading wins where several share words. */
interface Reading extends DescribedMatch {
  /** Offsets of every describing character, and of those of the term's first group. */
  offsets: Set<number>;
  defining: Set<number>;
}

function offsetsOf(spans: Array<[number, number]>): Set<number> {
  return new Set(spans.flatMap(([start, end]) => Array.from({ length: end - start }, (_, i) => start + i)));
}

/**
 * Where descriptions share words, the better reading wins: the term the question names, then the one
 * it says more of. Two terms described by the same words, each by what sets it apart (精品剧目,
 * 精品大戏; 口袋公园, 碎片空间), are one thing asked, said either way; a broader term inside a narrower
 * one's words (休闲街区 in 十字路口…休闲街区) is not the thing asked.
 */
function oneReadingEach(readings: Reading[]): Reading[] {
  const within = (some: Set<number>, all: Set<number>) => [...some].every((at) => all.has(at));
  const ranked = [...readings].sort((a, b) => Number(b.named) - Number(a.named) || b.sides - a.sides || b.offsets.size - a.offsets.size);
  const kept: Reading[] = [];
  for (const reading of ranked) {
    const sharing = kept.filter((other) => [...reading.offsets].some((at) => other.offsets.has(at)));
    if (sharing.length === 0) kept.push(reading);
    else if (sharing.length === 1 && within(reading.offsets, sharing[0].offsets) && within(sharing[0].defining, reading.offsets)) {
      sharing[0].terms = [...new Set([...sharing[0].terms, ...reading.terms])];
    }
  }
  return kept;
}

/** Aspect particles, which chat puts inside a word (出了名, 修过路). */
const ASPECT = /[了过着]/;

/** Where each one-character word of a cut text starts. */
function singleWordOffsets(words: string[]): Set<number> {
  const offsets = new Set<number>();
  let offset = 0;
  for (const word of words) {
    if (word.length === 1) offsets.add(offset);
    offset += word.length;
  }
  return offsets;
}
