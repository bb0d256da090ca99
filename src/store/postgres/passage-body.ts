import { joinSentences } from '../../corpus/chunk.js';
import type { StoredPassage } from '../types.js';

/**
 * A passage as `rq_passages.body` holds it (json, sent as stored): without its text, which is its
 * sentences joined. A search brings 40–80 passages; their text twice (the passage's and its
 * sentences') and jsonb's conversion to text were a third of the server's and the client's work.
 */
export type PassageBody = Omit<StoredPassage, 'text'>;

/** The JSON text of a passage's body; throws for a passage whose text is not its sentences joined (it could not be rebuilt). */
export function passageBody(passage: StoredPassage): string {
  const { text, ...body } = passage;
  if (text !== joinSentences(passage.sentences)) throw new Error(`passage ${passage.id} of ${passage.docId}: its text is not its sentences joined, so it cannot be stored without it`);
  return JSON.stringify(body);
}

/** The passage a body was made from. */
export function passageFromBody(body: PassageBody): StoredPassage {
  return { ...body, text: joinSentences(body.sentences) };
}
