import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { addReports, removeReport } from '../../src/corpus/library.js';
import { readCorpusManifest } from '../../src/corpus/manifest.js';
import { REPO, tempDir, testConfig } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';
import { TINY_QUESTION, writeTinyCorpus } from '../support/tiny-corpus.js';

const ADDED = ['report-1.txt', 'report-2.txt', 'report-3.txt'].map((f) => path.join(REPO, 'tests', 'fixtures', 'added', f));
let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await dir?.cleanup();
});

describe('the corpus folder has one writer at a time', () => {
  it('loses no acknowledged add and brings back no removed entry when adds and a remove run at once', async () => {
    dir = await tempDir();
    for (let round = 0; round < 3; round++) {
      const corpus = await writeTinyCorpus(path.join(dir.dir, `round-${round}`));
      const [removed, ...adds] = await Promise.all([removeReport(corpus, 'YL2025'), ...ADDED.map((file) => addReports(corpus, [file]))]);
      const acknowledged = adds.flat().filter((a) => a.added).map((a) => (a.added ? a.meta.id : ''));
      expect(acknowledged).toHaveLength(ADDED.length);
      const entries = await readCorpusManifest(corpus);
      expect(entries.map((e) => e.id).sort()).toEqual([...acknowledged].sort());
      expect(entries.some((e) => e.id === removed.id)).toBe(false);
      const files = await readdir(corpus);
      for (const entry of entries) expect(files).toContain(entry.file);
      expect(files).not.toContain(removed.file);
    }
  });

  it('answers from the last good index, saying why (CORPUS_REFUSED), when the reports as changed are refused', async () => {
    dir = await tempDir();
    const corpus = await writeTinyCorpus(dir.dir);
    const config = testConfig(path.join(dir.dir, 'index'), { CORPUS_DIR: corpus, DENSE: 'off', WORD_VECTORS: 'off' });
    await (await createApp(config)).close();
    const manifest = JSON.parse(await readFile(path.join(corpus, 'manifest.json'), 'utf8')) as { documents: Array<Record<string, unknown>> };
    const [entry] = manifest.documents;
    for (const documents of [[entry, { ...entry, title: 'again' }], [entry, { ...entry, id: 'PASSWD', file: '../../etc/passwd' }]]) {
      await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents }));
      app = await createApp(config);
      expect(app.corpusRefused?.code).toBe('CORPUS_REFUSED');
      const answer = await app.answerer.answer(TINY_QUESTION);
      expect(answer.found).toBe(true);
      expect(answer.citations[0].quote).toContain('5%左右');
      await app.close();
      app = undefined;
    }
    const asked = await runCli('ask', ['--json', TINY_QUESTION], { CORPUS_DIR: corpus, INDEX_DIR: path.join(dir.dir, 'index'), DENSE: 'off', WORD_VECTORS: 'off' });
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).found).toBe(true);
  });
});
