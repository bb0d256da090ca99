import type { Store } from '../store/types.js';
import { tokenize } from '../text/tokenize.js';
import { comparable } from './select.js';

/**
 * Whether any report of the given places says a term, for described terms (`data/lexicon.yaml`,
 * `described`): a term of one city's report (太重老厂区) is no reading of a question about another
 * city (北京…老旧厂房), whose report names the thing in the question's own words. Looked up by the
 * term's words among the places' passages, once per term and places.
 */
export function createPlaceTermCheck(store: Store, lookedAt: number): (term: string, places: string[]) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (term, places) => {
    const key = `${term}\u0000${places.join('、')}`;
    let said = known.get(key);
    if (!said) {
      said = saysTerm(store, term, places, lookedAt);
      known.set(key, said);
    }
    return said;
  };
}

async function saysTerm(store: Store, term: string, places: string[], lookedAt: number): Promise<boolean> {
  const hits = await store.searchLexical(tokenize(term), { cities: places, years: [] }, lookedAt);
  const missing = hits.filter((h) => !h.passage).map((h) => h.passageId);
  const read = new Map((await store.passages(missing)).map((p) => [p.id, p]));
  const wanted = comparable(term);
  return hits.some((h) => comparable((h.passage ?? read.get(h.passageId))?.text ?? '').includes(wanted));
}
