/**
 * The baseline retrieval is compared with: textbook BM25 (k1 1.2, b 0.75) over the same passages and
 * the same index terms, every posting list held in memory as plain arrays, no scope, no files, the
 * best `limit` by a full sort. It reads an embedded index folder's term dictionary and postings.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { idf, termScore } from '../src/store/bm25.js';
import { FILES } from '../src/store/embedded/files.js';

export type PlainBm25 = (terms: string[], limit: number) => number[];

export async function loadPlainBm25(folder: string): Promise<PlainBm25> {
  const terms = JSON.parse(await readFile(path.join(folder, FILES.terms), 'utf8')) as string[];
  const statBytes = await readFile(path.join(folder, FILES.termStats));
  const stats = new Float64Array(statBytes.buffer.slice(statBytes.byteOffset, statBytes.byteOffset + statBytes.byteLength));
  const bytes = await readFile(path.join(folder, FILES.postings));
  const postings = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const lists = new Map(terms.map((term, id) => [term, Array.from(postings.subarray(stats[id * 2] * 2, (stats[id * 2] + stats[id * 2 + 1]) * 2))]));
  const lengths = new Map<number, number>();
  for (const list of lists.values()) for (let i = 0; i < list.length; i += 2) lengths.set(list[i], (lengths.get(list[i]) ?? 0) + list[i + 1]);
  const count = (JSON.parse(await readFile(path.join(folder, FILES.manifest), 'utf8')) as { counts: { passages: number } }).counts.passages;
  const averageLength = [...lengths.values()].reduce((a, b) => a + b, 0) / Math.max(count, 1);
  return (terms, limit) => {
    const scores = new Map<number, number>();
    for (const term of new Set(terms)) {
      const list = lists.get(term);
      if (!list) continue;
      const weight = idf(count, list.length / 2);
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i];
        scores.set(id, (scores.get(id) ?? 0) + termScore(weight, list[i + 1], lengths.get(id)!, averageLength));
      }
    }
    return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([id]) => id);
  };
}
