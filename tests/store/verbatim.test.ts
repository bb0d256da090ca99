import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { tempDir, testConfig } from '../support/fixtures.js';
import { SMALL_REPORTS } from '../support/small-corpus.js';
import { TINY_QUESTION, writeTinyCorpus } from '../support/tiny-corpus.js';

let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await dir?.cleanup();
});

async function builtIndex(extra: Record<string, string> = {}): Promise<{ config: Config; corpus: string; live: () => Promise<string> }> {
  dir = await tempDir();
  const corpus = await writeTinyCorpus(dir.dir, extra);
  const indexDir = path.join(dir.dir, 'index');
  const config = testConfig(indexDir, { CORPUS_DIR: corpus, DENSE: 'off', WORD_VECTORS: 'off' });
  await (await createApp(config)).close();
  const live = async () => path.join(indexDir, (await readFile(path.join(indexDir, 'CURRENT'), 'utf8')).trim());
  return { config, corpus, live };
}

/** Replaces text in a file without changing its size or modification time (as `touch -r` puts it back, to the nanosecond). */
async function editKeepingTimes(file: string, from: string, to: string): Promise<void> {
  const times = `${file}.times`;
  execFileSync('touch', ['-r', file, times]);
  const content = await readFile(file);
  const edited = Buffer.from(content.toString('utf8').replace(from, to));
  expect(edited.length).toBe(content.length);
  expect(edited.equals(content)).toBe(false);
  await writeFile(file, edited);
  execFileSync('touch', ['-r', times, file]);
  await rm(times);
}

describe('a quote is verbatim or it is not shown', () => {
  it('does not quote a passage edited in the index (same size, same time), reports it, and rebuilds on the next open', async () => {
    const { config, live } = await builtIndex();
    await editKeepingTimes(path.join(await live(), 'passages.bin'), '增长5%左右', '增长6%左右');
    const damage: string[] = [];
    app = await createApp(config, { onDamage: (message) => damage.push(message) });
    const answer = await app.answerer.answer(TINY_QUESTION);
    expect(answer.citations.map((c) => c.quote).join('')).not.toContain('6%左右');
    expect(damage.length).toBeGreaterThan(0);
    await app.close();

    const rebuilt: string[] = [];
    app = await createApp(config, { onRebuild: (reason) => rebuilt.push(reason) });
    expect(rebuilt).toHaveLength(1);
    expect((await app.answerer.answer(TINY_QUESTION)).citations[0].quote).toContain('增长5%左右');
  });

  it('does not show a quote its report no longer holds when the report is edited under a running app (QUOTE_UNVERIFIED), and reports it', async () => {
    const { config, corpus } = await builtIndex();
    const damage: string[] = [];
    app = await createApp(config, { onDamage: (message) => damage.push(message) });
    expect((await app.answerer.answer(TINY_QUESTION)).found).toBe(true);
    await editKeepingTimes(path.join(corpus, 'yunling-2025.txt'), '增长5%左右', '增长6%左右');
    const answer = await app.answerer.answer(TINY_QUESTION);
    expect(answer).toMatchObject({ found: false, reason: 'QUOTE_UNVERIFIED', citations: [] });
    expect(damage).toHaveLength(1);
  });

  it('rebuilds for a report edited with its modification time put back, so quotes match the report as it stands', async () => {
    const { config, corpus } = await builtIndex();
    await editKeepingTimes(path.join(corpus, 'yunling-2025.txt'), '增长5%左右', '增长6%左右');
    app = await createApp(config);
    expect((await app.answerer.answer(TINY_QUESTION)).citations[0].quote).toContain('增长6%左右');
  });

  it('rebuilds an index whose manifest was damaged (a passage count changed, a field missing) instead of failing with a TypeError', async () => {
    // Four reports, so that searches reach passages past a lowered count.
    const { config, live } = await builtIndex(SMALL_REPORTS);
    const manifest = JSON.parse(await readFile(path.join(await live(), 'manifest.json'), 'utf8')) as { counts: { passages: number }; chunkingHash?: string };
    const withPassages = (n: number) => ({ ...manifest, counts: { ...manifest.counts, passages: n } });
    for (const damaged of [withPassages(manifest.counts.passages - 1), withPassages(manifest.counts.passages + 2), { ...manifest, chunkingHash: undefined }]) {
      await writeFile(path.join(await live(), 'manifest.json'), JSON.stringify(damaged));
      const rebuilt: string[] = [];
      app = await createApp(config, { onRebuild: (reason) => rebuilt.push(reason) });
      expect(rebuilt).toHaveLength(1);
      expect((await app.answerer.answer(TINY_QUESTION)).citations[0].quote).toContain('增长5%左右');
      await app.close();
      app = undefined;
    }
  });
});
