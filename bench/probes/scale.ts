/**
 * Building one point of the scale series, in its own process: generate a corpus of `copies` × the
 * real one, ingest it with the tiny 512-d model (into `DATABASE_URL` when given, else the work
 * folder), and, for the embedded backend, compare HNSW with exact search on the stored vectors
 * (mean-centred, see below). With `--sif` in place of a database URL, ingest uses SIF sentence vectors
 * instead of a model and only the build is measured (its peak RSS, CPU time and the load average
 * before and after). Serving is measured by serve.ts in a fresh process. Prints one JSON object.
 */
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { readQuestionFile } from '../../src/eval/questions.js';
import { ingest } from '../../src/ingest/ingest.js';
import { currentIndexFolder } from '../../src/store/atomic.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { SIF_EMBEDDER } from '../../src/embed/sif.js';
import { sifConfig, tinyModel } from '../model.js';
import { median, round } from '../stats.js';
import { seededRandom } from '../../tests/support/random.js';
import { writeSyntheticCorpus } from '../synthetic.js';

const EF_VALUES = [10, 50, 100, 200];
const QUERIES = 100;

async function main(): Promise<void> {
  const [copiesArg, workDir, third] = process.argv.slice(2);
  const sif = third === '--sif';
  const databaseUrl = sif ? undefined : third;
  const copies = Number(copiesArg);
  const corpusDir = path.join(workDir, 'corpus');
  const indexDir = path.join(workDir, 'index');
  await writeSyntheticCorpus(CORPUS_DIR, corpusDir, copies);
  if (sif) {
    const loadBefore = load();
    const cpuBefore = process.cpuUsage();
    const built = await ingest(sifConfig(workDir, corpusDir, indexDir));
    const { user, system } = process.cpuUsage(cpuBefore);
    if (built.embedder?.modelId !== SIF_EMBEDDER) throw new Error(`built with ${built.embedder?.modelId ?? 'no dense half'}, not SIF`);
    const build = { buildMaxRssMb: maxRssMb(), buildCpuMs: Math.round((user + system) / 1000), buildLoad: [loadBefore, load()] };
    const result = { copies, documents: built.counts.documents, passages: built.counts.passages, ingest: built.timings, ...build, indexBytes: await indexBytesIn(indexDir) };
    return void process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  const { config, embedder } = await tinyModel(workDir, corpusDir, indexDir, databaseUrl);

  const built = await ingest(config, { embedder });
  const passages = built.counts.passages;
  const base = { copies, documents: built.counts.documents, passages, ingest: built.timings, buildMaxRssMb: maxRssMb() };
  if (databaseUrl) return void process.stdout.write(`${JSON.stringify(base)}\n`);

  const folder = (await currentIndexFolder(indexDir))!;
  const indexBytes = await indexBytesIn(indexDir);

  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  const random = seededRandom(7);
  const corpusText = questions.join('');
  const queryTexts = [...questions, ...Array.from({ length: QUERIES - questions.length }, () => corpusText.slice(Math.floor(random() * (corpusText.length - 20)), 20))];
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

  const result = { ...base, indexBytes, bruteForceMs: round(median(bruteTimes), 4), hnswBuildMs: Math.round(hnswBuildMs), hnsw };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const maxRssMb = () => round(process.resourceUsage().maxRSS / 1024, 1);
const load = () => round(os.loadavg()[0], 1);

async function indexBytesIn(indexDir: string): Promise<number> {
  const folder = (await currentIndexFolder(indexDir))!;
  const sizes = await Promise.all((await readdir(folder)).map((f) => stat(path.join(folder, f)).then((s) => s.size)));
  return sizes.reduce((a, b) => a + b, 0);
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
