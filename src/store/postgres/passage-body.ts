import { joinSentences } from '../../corpus/chunk.js';
import type { SectionKind } from '../../corpus/types.js';
import type { StoredPassage } from '../types.js';

/**
 * A passage as `rq_passages.body` holds it (json, sent as stored): without its text, which is its
 * sentences joined, and as an array of its fields, the sentences' as arrays of each field — [id,
 * docId, section, sectionKind, start, end, years, texts, starts, ends, runs]. A search brings 40–80
 * passages, and their bytes are what it spends most on: about 0.6 ms for 48 kB at ×100, from the
 * server to a parsed value. Text twice, jsonb's conversion to text and the field names were a
 * third and then a quarter of them.
 */
export type PassageBody = [number, string, string, SectionKind, number, number, number[], string[], number[], number[], number[]];

/** The JSON text of a passage's body; throws for a passage whose text is not its sentences joined (it could not be rebuilt). */
export function passageBody(passage: StoredPassage): string {
  const { id, docId, section, sectionKind, start, end, years, sentences, text } = passage;
  if (text !== joinSentences(sentences)) throw new Error(`passage ${id} of ${docId}: its text is not its sentences joined, so it cannot be stored without it`);
  const body: PassageBody = [
    id,
    docId,
    section,
    sectionKind,
    start,
    end,
    years,
    sentences.map((s) => s.text),
    sentences.map((s) => s.start),
    sentences.map((s) => s.end),
    sentences.map((s) => s.run),
  ];
  return JSON.stringify(body);
}

/** The passage a body was made from. */
export function passageFromBody([id, docId, section, sectionKind, start, end, years, texts, starts, ends, runs]: PassageBody): StoredPassage {
  const sentences = texts.map((text, i) => ({ text, start: starts[i], end: ends[i], run: runs[i] }));
  return { docId, section, sectionKind, start, end, sentences, id, years, text: joinSentences(sentences) };
}
