import type { Lexicon } from '../search/lexicon.js';
import type { WordVectors } from '../search/word-vectors.js';
import type { Store } from '../store/types.js';
import { groupIndicators, type IndicatorGroups } from './groups.js';
import type { Figure } from './types.js';

/** The stored figures with their indicator names grouped, read once on first use. */
export function figureTable(store: Store, lexicon: Pick<Lexicon, 'same'>, wordVectors?: () => Promise<WordVectors | null>): () => Promise<{ figures: Figure[]; groups: IndicatorGroups }> {
  let table: Promise<{ figures: Figure[]; groups: IndicatorGroups }> | undefined;
  return () =>
    (table ??= Promise.all([store.figures(), wordVectors?.() ?? null]).then(([figures, vectors]) => ({
      figures,
      groups: groupIndicators(
        figures.map((f) => f.indicator),
        lexicon,
        vectors,
      ),
    })));
}
