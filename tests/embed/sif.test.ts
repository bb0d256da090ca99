import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitSif, firstPrincipalComponent } from '../../src/embed/sif.js';
import { RETRIEVAL_SETTINGS } from '../../src/search/retrieval-settings.js';
import { loadWordVectors, type WordVectors } from '../../src/search/word-vectors.js';
import { tempDir } from '../support/fixtures.js';
import { SMALL_REPORTS } from '../support/small-corpus.js';
import { writeSmallWordVectors } from '../support/small-word-vectors.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let vectors: WordVectors;

/** The small reports' sentences: the passages SIF is fitted on. */
const SENTENCES = Object.values(SMALL_REPORTS).flatMap((text) => text.split(/(?<=。)|\n+/).filter((s) => s.trim().length > 4));

beforeAll(async () => {
  dir = await tempDir();
  const file = path.join(dir.dir, 'words.vector');
  await writeSmallWordVectors(file);
  vectors = await loadWordVectors(file);
});
afterAll(() => dir.cleanup());

const dot = (a: Float32Array, b: ArrayLike<number>) => a.reduce((sum, x, i) => sum + x * b[i], 0);
/** Texts as ingest gives them: a few at a time. */
async function* batches(texts: string[], size = 5): AsyncIterable<string[]> {
  for (let from = 0; from < texts.length; from += size) yield texts.slice(from, from + size);
}
/** Every word equally rare: the weights then play no part. */
const rare = () => 0;

describe('SIF sentence embedder', () => {
  it('returns unit vectors of the word vectors\' width, for passages and questions', async () => {
    const { embedder, passageVectors } = await fitSif(vectors, rare, batches(SENTENCES), RETRIEVAL_SETTINGS.sif, 'words.vector:1');
    expect(embedder.dimension).toBe(16);
    for (const v of [...passageVectors, await embedder.embedQuery('地铁什么时候通车？')]) {
      expect(v).toHaveLength(16);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expect(await embedder.embedPassages(SENTENCES.slice(0, 3))).toEqual(passageVectors.slice(0, 3));
  });

  it('puts a sentence closer to one on its topic than to unrelated ones', async () => {
    const { embedder } = await fitSif(vectors, rare, batches(SENTENCES), RETRIEVAL_SETTINGS.sif, 'words.vector:1');
    const [jobs, metro, parks] = await embedder.embedPassages(['城镇新增就业目标8万人。', '地铁2号线力争年底通车。', '新建公园20个。']);
    const question = await embedder.embedQuery('想找工作，今年招聘岗位有多少？');
    expect(dot(question, jobs)).toBeGreaterThan(dot(question, metro));
    expect(dot(question, jobs)).toBeGreaterThan(dot(question, parks));
    const opened = await embedder.embedQuery('地铁开通运营了吗？');
    expect(dot(opened, metro)).toBeGreaterThan(dot(opened, jobs));
  });

  it('removes the first principal component of the passages from every vector, and records it', async () => {
    const { embedder, parameters, passageVectors } = await fitSif(vectors, rare, batches(SENTENCES), RETRIEVAL_SETTINGS.sif, 'words.vector:1');
    expect(Math.hypot(...parameters.component)).toBeCloseTo(1, 5);
    for (const v of passageVectors) expect(Math.abs(dot(v, parameters.component))).toBeLessThan(1e-5);
    expect(Math.abs(dot(await embedder.embedQuery('空气质量怎么样'), parameters.component))).toBeLessThan(1e-5);
    expect(parameters).toMatchObject({ smoothing: RETRIEVAL_SETTINGS.sif.smoothing, wordVectors: 'words.vector:1' });
  });

  it('weighs a word every passage uses less than a rare one (a / (a + p))', async () => {
    const common = (word: string) => (word === '新增' ? 1 : 0);
    const weighted = (await fitSif(vectors, common, batches(SENTENCES), RETRIEVAL_SETTINGS.sif, 'words.vector:1')).embedder;
    const flat = (await fitSif(vectors, rare, batches(SENTENCES), RETRIEVAL_SETTINGS.sif, 'words.vector:1')).embedder;
    const [withCommon, jobs] = await weighted.embedPassages(['新增养老床位', '养老床位']);
    const [flatWithCommon, flatJobs] = await flat.embedPassages(['新增养老床位', '养老床位']);
    expect(dot(withCommon, jobs)).toBeGreaterThan(dot(flatWithCommon, flatJobs));
  });

  it('finds the first principal component of rows that share one direction', () => {
    const rows = Array.from({ length: 50 }, (_, i) => Float32Array.of(3 + (i % 3), 0.1 * (i % 5), -0.2 * (i % 2)));
    const component = firstPrincipalComponent(rows, 1000);
    expect(Math.abs(component[0])).toBeGreaterThan(0.99);
  });
});
