/**
 * One point of the scale series, in its own process so RSS is its own: generate a corpus of
 * `copies` × the real one, ingest it with the tiny 512-d model, reload it, ask the dev questions,
 * and compare HNSW with exact search on the stored vectors (mean-centred, see below). Prints one
 * JSON object.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { createAnswerer } from '../../src/answer/answerer.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { ingest } from '../../src/ingest/ingest.js';
import { createSearcher } from '../../src/search/searcher.js';
import { chunkingFingerprint, corpusFingerprint } from '../../src/store/manifest.js';
import { loadStore, readIndexManifest } from '../../src/store/store.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { tinyModel } from '../model.js';
import { median, p95, round, timed } from '../stats.js';
import { seededRandom } from '../../tests/support/random.js';
import { writeSyntheticCorpus } from '../synthetic.js';

const EF_VALUES = [10, 50, 100, 200];
const QUERIES = 100;

async function main(): Promise<void> {
  const copies = Number(process.argv[2]);
  const workDir = process.argv[3];
  const corpusDir = path.join(workDir, 'corpus');
  const indexDir = path.join(workDir, 'index');
  await writeSyntheticCorpus(CORPUS_DIR, corpusDir, copies);
  const { config, embedder } = await tinyModel(workDir, corpusDir, indexDir);

  const built = await ingest(config, { embedder });
  const passages = built.store.passages.length;
  const folder = (await readIndexManifest(indexDir))!.folder;
  const files = await readdir(folder);
  const indexBytes = (await Promise.all(files.map((f) => stat(path.join(folder, f)).then((s) => s.size)))).reduce((a, b) => a + b, 0);

  const expectations = { corpusHash: await corpusFingerprint(corpusDir), chunkingHash: chunkingFingerprint(config.chunking), model: config.model.id, efSearch: config.hnsw.efSearch };
  const loaded = await timed(() => loadStore(indexDir, expectations));
  const store = loaded.value;

  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  const query = async (withDense: boolean) => {
    const answerer = createAnswerer({ store, searcher: createSearcher({ store, embedder: withDense ? embedder : null }), settings: config.answer });
    await answerer.answer(questions[0]);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) for (const q of questions) times.push((await answerer.answer(q)).timings.totalMs);
    return { medianMs: round(median(times), 3), p95Ms: round(p95(times), 3) };
  };
  const hybrid = await query(true);
  const lexical = await query(false);

  const random = seededRandom(7);
  const queryTexts = [...questions, ...Array.from({ length: QUERIES - questions.length }, () => store.passages[Math.floor(random() * passages)].text.slice(0, 40))];
  const dimension = embedder.dimension;
  const stored = new hnswlib.HierarchicalNSW('cosine', dimension);
  await stored.readIndex(path.join(folder, 'vectors.hnsw'));
  const matrix = new Float32Array(passages * dimension);
  for (let id = 0; id < passages; id++) matrix.set(stored.getPoint(id), id * dimension);
  // The tiny model's vectors all share one dominant direction (cosine ~0.99 between any two
  // passages), which no trained model has; removing the mean spreads them like real embeddings.
  const mean = centre(matrix, dimension);
  const queries = (await Promise.all(queryTexts.map((q) => embedder.embedQuery(q)))).map((v) => normalize(v.map((x, j) => x - mean[j])));

  const graph = new hnswlib.HierarchicalNSW('cosine', dimension);
  const buildStart = performance.now();
  graph.initIndex(passages, config.hnsw.m, config.hnsw.efConstruction, 100);
  for (let id = 0; id < passages; id++) graph.addPoint(Array.from(matrix.subarray(id * dimension, (id + 1) * dimension)), id);
  const hnswBuildMs = performance.now() - buildStart;

  const exact = queries.map((v) => bruteForce(matrix, v, dimension, 10));
  const bruteTimes = queries.map((v) => timedSync(() => bruteForce(matrix, v, dimension, 10)));
  const hnsw = EF_VALUES.map((ef) => {
    graph.setEf(ef);
    let found = 0;
    const times = queries.map((v, i) => {
      const start = performance.now();
      const result = graph.searchKnn(Array.from(v), 10);
      const ms = performance.now() - start;
      // Near-duplicate synthetic passages tie; a hit as close as the 10th exact one counts as found.
      const tenth = 1 - dot(matrix, exact[i][exact[i].length - 1], v, dimension);
      found += result.distances.filter((d) => d <= tenth + 1e-5).length;
      return ms;
    });
    return { ef, recallAt10: round(found / (10 * queries.length), 4), medianMs: round(median(times), 4) };
  });

  await rm(corpusDir, { recursive: true, force: true });
  const result = {
    copies,
    documents: built.store.documents.length,
    passages,
    ingest: built.timings,
    indexBytes,
    loadMs: round(loaded.ms, 1),
    hybrid,
    lexical,
    bruteForceMs: round(median(bruteTimes), 4),
    hnswBuildMs: Math.round(hnswBuildMs),
    hnsw,
    maxRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The naive search: cosine (dot product of unit vectors) against every passage, then top k. */
export function bruteForce(matrix: Float32Array, query: Float32Array, dimension: number, k: number): number[] {
  const count = matrix.length / dimension;
  const scores = new Float32Array(count);
  for (let id = 0; id < count; id++) {
    let dot = 0;
    const base = id * dimension;
    for (let j = 0; j < dimension; j++) dot += matrix[base + j] * query[j];
    scores[id] = dot;
  }
  const top: number[] = [];
  for (let id = 0; id < count; id++) {
    if (top.length < k || scores[id] > scores[top[top.length - 1]]) {
      top.push(id);
      top.sort((a, b) => scores[b] - scores[a]);
      if (top.length > k) top.pop();
    }
  }
  return top;
}

function dot(matrix: Float32Array, id: number, query: Float32Array, dimension: number): number {
  let sum = 0;
  for (let j = 0; j < dimension; j++) sum += matrix[id * dimension + j] * query[j];
  return sum;
}

/** Subtracts the mean vector from every row and re-normalizes; returns the mean. */
function centre(matrix: Float32Array, dimension: number): Float32Array {
  const count = matrix.length / dimension;
  const mean = new Float32Array(dimension);
  for (let id = 0; id < count; id++) for (let j = 0; j < dimension; j++) mean[j] += matrix[id * dimension + j] / count;
  for (let id = 0; id < count; id++) {
    const row = matrix.subarray(id * dimension, (id + 1) * dimension);
    for (let j = 0; j < dimension; j++) row[j] -= mean[j];
    row.set(normalize(row));
  }
  return mean;
}

function normalize(vector: Float32Array): Float32Array {
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

function timedSync(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
