import type { Lexicon } from '../search/lexicon.js';
import type { WordVectors } from '../search/word-vectors.js';
import { segmenter } from '../text/tokenize.js';
import { FIGURE_SETTINGS } from './settings.js';

/** Which indicator names say one indicator, and which of them a question names. */
export interface IndicatorGroups {
  /** The group an indicator name belongs to (a key; equal keys are one indicator). */
  keyOf(name: string): string;
  /** The groups a text names, most specific first (开发区规上工业增加值 before 规上工业增加值); [] when none. */
  named(text: string): string[];
}

type Settings = typeof FIGURE_SETTINGS;

/**
 * Groups the names reports give one indicator: the lexicon's `same` groups make 规上 and 规模以上,
 * GDP, 地区生产总值 and 经济总量 one word; a suffix one report adds (人数, 指数) is left out; and two
 * names that differ in one word only are one when the word vectors put those words close.
 */
export function groupIndicators(names: Iterable<string>, lexicon: Pick<Lexicon, 'same'>, vectors: WordVectors | null, settings: Settings = FIGURE_SETTINGS): IndicatorGroups {
  const canonical = canonicalizer(lexicon.same, settings);
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key);
    if (up === undefined || up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  const keys = [...new Set([...names].map((name) => canonical(name)))];
  for (const key of keys) parent.set(key, key);
  if (vectors) {
    const buckets = new Map<string, Array<{ key: string; word: string }>>();
    for (const key of keys) {
      const words = segmenter().cut(key, true);
      words.forEach((word, i) => {
        const pattern = [...words.slice(0, i), '*', ...words.slice(i + 1)].join('|');
        const bucket = buckets.get(pattern) ?? [];
        bucket.push({ key, word });
        buckets.set(pattern, bucket);
      });
    }
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          if (similarity(vectors, bucket[i].word, bucket[j].word) >= settings.sameWordSimilarity) union(bucket[i].key, bucket[j].key);
        }
      }
    }
  }
  const byLength = [...keys].sort((a, b) => b.length - a.length);
  return {
    keyOf: (name) => {
      const key = canonical(name);
      return parent.has(key) ? find(key) : key;
    },
    named(text) {
      const asked = canonical(text, false);
      const found: string[] = [];
      for (const key of byLength) {
        if (!asked.includes(key) || found.some((longer) => longer.includes(key))) continue;
        found.push(key);
      }
      return [...new Set(found.map(find))];
    },
  };
}

/** A name with each `same` term replaced by its group's first term, and an optional suffix left out. */
function canonicalizer(same: readonly string[][], settings: Settings): (name: string, dropSuffix?: boolean) => string {
  const representative = new Map<string, string>();
  for (const group of same) for (const term of group) if (!representative.has(term.toLowerCase())) representative.set(term.toLowerCase(), group[0].toLowerCase());
  const terms = [...representative.keys()].sort((a, b) => b.length - a.length);
  return (name, dropSuffix = true) => {
    const lower = name.normalize('NFKC').toLowerCase().replace(/[\s“”"「」]/g, '');
    let out = '';
    for (let at = 0; at < lower.length; ) {
      const term = terms.find((t) => lower.startsWith(t, at));
      if (term) {
        out += representative.get(term);
        at += term.length;
      } else out += lower[at++];
    }
    const suffix = dropSuffix ? settings.optionalSuffixes.find((s) => out.endsWith(s) && out.length > s.length + 1) : undefined;
    return suffix ? out.slice(0, out.length - suffix.length) : out;
  };
}

function similarity(vectors: WordVectors, a: string, b: string): number {
  const [va, vb] = [vectors.vector(a), vectors.vector(b)];
  if (!va || !vb) return 0;
  let dot = 0;
  for (let i = 0; i < va.length; i++) dot += va[i] * vb[i];
  return dot;
}
