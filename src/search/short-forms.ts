/** The report terms a two-character short form may stand for (固投: 固定资产投资). */
export type ShortForms = (short: string) => string[];

/** A short form standing for more terms than this says too little to be read as any of them. */
const MOST_MEANINGS = 3;

/**
 * People shorten a compound of two words to their first characters (固定资产 + 投资 -> 固投, 社会消费品 +
 * 零售总额 -> 社零). Each term of four to ten characters (`terms`: the index's and the lexicon's
 * report terms) that is two words the reports use is indexed by the first characters of its two
 * words, once, on the first look-up.
 */
export function createShortForms(terms: () => Iterable<string>, isWord: (word: string) => boolean): ShortForms {
  let byShort: Map<string, string[]> | undefined;
  const index = () => {
    const found = new Map<string, Set<string>>();
    for (const term of terms()) {
      if (!/^[\u3400-\u9fff]{4,10}$/.test(term)) continue;
      for (let cut = 2; cut <= term.length - 2; cut++) {
        if (!isWord(term.slice(0, cut)) || !isWord(term.slice(cut))) continue;
        const short = term[0] + term[cut];
        found.set(short, (found.get(short) ?? new Set()).add(term));
      }
    }
    return new Map([...found].filter(([, meant]) => meant.size <= MOST_MEANINGS).map(([short, meant]) => [short, [...meant]]));
  };
  return (short) => (byShort ??= index()).get(short) ?? [];
}
