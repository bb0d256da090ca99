import { tokenize } from '../text/tokenize.js';

/**
 * The index terms of every passage, held compactly for building an index: each distinct term once
 * (ids in order of first use), and per passage the ids of its distinct terms (in order of first
 * use) with how often each occurs. A string array per passage cost gigabytes at ×1000 (192k
 * passages, about 90 million term occurrences); this is a few hundred megabytes.
 */
export interface PassageTerms {
  /** Every distinct term, by id. */
  terms: string[];
  /** Per passage: its distinct terms' ids, and (at the same positions) their counts. */
  ids: Int32Array[];
  counts: Uint16Array[];
  /** Per passage: how many terms it has, repeats included (BM25's document length). */
  lengths: Uint32Array;
  /** Per term id: in how many passages it occurs. */
  documentFrequencies: Int32Array;
  /** In how many passages a term occurs (0 for one that none uses). */
  documentFrequency(term: string): number;
}

/** Gathers `PassageTerms` a passage at a time, in passage id order. */
export interface TermCollector {
  /** Tokenizes (see `tokenize`) the next passage's text and counts its terms. */
  add(text: string): void;
  /** Every passage added so far. */
  terms(): PassageTerms;
}

export function termCollector(): TermCollector {
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  const frequencies: number[] = [];
  const ids: Int32Array[] = [];
  const counts: Uint16Array[] = [];
  const lengths: number[] = [];
  // A passage's count of each term id, set back to 0 after the passage (a Map per passage cost a seventh of a large ingest).
  let counted: Uint32Array = new Uint32Array(1 << 16);
  return {
    add(text) {
      const tokens = tokenize(text);
      lengths.push(tokens.length);
      const order: number[] = [];
      for (const token of tokens) {
        let id = idOf.get(token);
        if (id === undefined) {
          id = terms.length;
          idOf.set(token, id);
          terms.push(token);
          frequencies.push(0);
          if (id === counted.length) counted = grown(counted);
        }
        if (counted[id]++ === 0) order.push(id);
      }
      const passageIds = Int32Array.from(order);
      const passageCounts = new Uint16Array(order.length);
      order.forEach((id, i) => {
        passageCounts[i] = Math.min(counted[id], 0xffff);
        counted[id] = 0;
        frequencies[id]++;
      });
      ids.push(passageIds);
      counts.push(passageCounts);
    },
    terms() {
      const documentFrequencies = Int32Array.from(frequencies);
      return {
        terms,
        ids,
        counts,
        lengths: Uint32Array.from(lengths),
        documentFrequencies,
        documentFrequency: (term) => {
          const id = idOf.get(term);
          return id === undefined ? 0 : documentFrequencies[id];
        },
      };
    },
  };
}

function grown(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Where each term's postings start, in pairs: terms in id order, each with as many as passages use it. */
export function postingStarts(documentFrequencies: Int32Array): Float64Array {
  const first = new Float64Array(documentFrequencies.length);
  let total = 0;
  documentFrequencies.forEach((n, id) => {
    first[id] = total;
    total += n;
  });
  return first;
}

/**
 * The inverted lists of the terms from id `from` up to `to` (all by default): for term id t, `postings` holds
 * `[passage id, count]` pairs from pair `first[t] - first[from]` on, `documentFrequencies[t]` of
 * them, in passage order. A stretch of terms at a time keeps a large index's postings (250 MB at
 * ×1000) from being held whole.
 */
export function invertTerms({ ids, counts, documentFrequencies }: PassageTerms, from = 0, to = documentFrequencies.length): { first: Float64Array; postings: Int32Array } {
  const first = postingStarts(documentFrequencies);
  const total = first.length === 0 ? 0 : first[first.length - 1] + documentFrequencies[first.length - 1];
  const base = from < first.length ? first[from] : total;
  const end = to < first.length ? first[to] : total;
  const postings = new Int32Array((end - base) * 2);
  const next = Float64Array.from(first);
  ids.forEach((passageIds, passage) => {
    const passageCounts = counts[passage];
    for (let i = 0; i < passageIds.length; i++) {
      const term = passageIds[i];
      if (term < from || term >= to) continue;
      const at = next[term]++ - base;
      postings[at * 2] = passage;
      postings[at * 2 + 1] = passageCounts[i];
    }
  });
  return { first, postings };
}
