import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, readCorpus } from '../../src/corpus/load.js';
import { DEFAULT_READ_LIMITS } from '../../src/config.js';
import { isAppError } from '../../src/errors.js';
import { CORPUS_DIR, tempDir } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const CHUNKING = { minChars: 100, maxChars: 350 };
const JINZHONG = 'jinzhong-2025-report-summary.txt';
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

/** A corpus folder with the Jinzhong report and whatever else a test puts there. */
async function corpusWith(name: string, files: Record<string, string | Buffer>, manifest?: unknown): Promise<string> {
  const folder = path.join(dir.dir, name);
  await mkdir(folder, { recursive: true });
  await copyFile(path.join(CORPUS_DIR, JINZHONG), path.join(folder, JINZHONG));
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(folder, file), content);
  if (manifest) await writeFile(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
  return folder;
}

describe('reading the corpus folder', () => {
  it('reads a GB18030 copy of a report as the same text, and titles it from its text', async () => {
    const text = `晋中市2025年政府工作报告（摘要）\n${await readFile(path.join(CORPUS_DIR, JINZHONG), 'utf8')}`;
    const folder = await corpusWith('gbk', { 'jinzhong-gbk.txt': iconv.encode(text, 'gb18030') });
    const corpus = await loadCorpus(folder, CHUNKING);
    const copy = corpus.documents.find((d) => d.meta.file === 'jinzhong-gbk.txt')!;
    expect(copy.source).toBe(text);
    expect(copy.meta).toMatchObject({ title: '晋中市2025年政府工作报告（摘要）', city: '晋中', year: 2025 });
    expect(corpus.skipped).toEqual([]);
  });

  it('hands over one report at a time, its passages numbered on from the report before, and reads the next only after', async () => {
    const whole = await loadCorpus(CORPUS_DIR, CHUNKING);
    const handed: Array<{ id: string; passages: number[] }> = [];
    let handling = false;
    const { skipped } = await readCorpus(CORPUS_DIR, CHUNKING, DEFAULT_READ_LIMITS, async (document) => {
      expect(handling).toBe(false);
      handling = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      handed.push({ id: document.meta.id, passages: document.passages.map((p) => p.id) });
      handling = false;
    });
    expect(skipped).toEqual(whole.skipped);
    expect(handed).toEqual(whole.documents.map((d) => ({ id: d.meta.id, passages: d.passages.map((p) => p.id) })));
    expect(handed.flatMap((d) => d.passages)).toEqual(whole.passages.map((_, i) => i));
  });

  it('skips binary and empty files with a reason, and indexes the rest', async () => {
    const binary = await readFile(process.execPath);
    const folder = await corpusWith('junk', { 'ls.txt': binary.subarray(0, 20_000), 'empty.txt': '  \n' });
    const corpus = await loadCorpus(folder, CHUNKING);
    expect(corpus.documents.map((d) => d.meta.file)).toEqual([JINZHONG]);
    expect(corpus.skipped).toEqual([
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'ls.txt', reason: 'binary file, not text' },
    ]);
  });

  it('refuses a manifest with a repeated id, two entries for one file, or an entry for a missing file, naming each', async () => {
    const entry = { id: 'JZ2025', file: JINZHONG, title: '晋中', city: '晋中', year: 2025, reviews: 2024 };
    const folder = await corpusWith('bad-manifest', { 'other.txt': '太原市2024年政府工作报告\n正文。' }, {
      documents: [entry, { ...entry, file: 'other.txt' }, { ...entry, id: 'JZ2', title: 'again' }, { ...entry, id: 'GONE', file: 'gone.txt' }],
    });
    const error = await loadCorpus(folder, CHUNKING).catch((e: unknown) => e);
    expect(isAppError(error, 'CORPUS_MANIFEST_INVALID')).toBe(true);
    expect((error as Error).message).toContain('id JZ2025 is used by more than one entry');
    expect((error as Error).message).toContain(`${JINZHONG} has more than one entry`);
    expect((error as Error).message).toContain('entry GONE names gone.txt, which is not in the folder');
  });

  it('stops ingest with one line and exit 1 on such a manifest, and the old index keeps answering', async () => {
    const folder = await corpusWith('stays', {});
    const env = { CORPUS_DIR: folder, INDEX_DIR: path.join(dir.dir, 'stays-index'), DENSE: 'off' };
    expect((await runCli('ingest', [], env)).code).toBe(0);
    const entry = { id: 'JZ2025', file: JINZHONG, title: '晋中市2025年政府工作报告（摘要）', city: '晋中', year: 2025, reviews: 2024 };
    await writeFile(path.join(folder, 'manifest.json'), JSON.stringify({ documents: [entry, { ...entry, title: 'twice' }] }));
    const refused = await runCli('ingest', [], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: The corpus manifest .* is invalid: id JZ2025 is used by more than one entry/)]);
    await writeFile(path.join(folder, 'manifest.json'), JSON.stringify({ documents: [entry] }));
    const asked = await runCli('ask', ['--json', '晋中卫生厕所普及率是多少？'], env);
    expect(JSON.parse(asked.stdout).answer).toContain('82%');
  });
});
