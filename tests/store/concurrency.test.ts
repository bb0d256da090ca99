import { access, cp, readdir, readFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, REPO, tempDir } from '../support/fixtures.js';
import { compiled, runCli } from '../support/run-cli.js';
import { spawnChild } from '../support/children.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

const envFor = (indexDir: string) => ({ CORPUS_DIR, INDEX_DIR: indexDir, DENSE: 'off' });
const liveFolderExists = async (indexDir: string) => {
  const current = (await readFile(path.join(indexDir, 'CURRENT'), 'utf8')).trim();
  return access(path.join(indexDir, current, 'manifest.json')).then(() => true, () => false);
};

describe('ingests and asks at the same time', () => {
  it('serializes parallel ingests, never leaves CURRENT dangling, and every ask answers meanwhile', async () => {
    const indexDir = path.join(dir.dir, 'parallel');
    const env = envFor(indexDir);
    await runCli('ingest', [], env);
    const ingests = Array.from({ length: 3 }, () => runCli('ingest', [], env));
    const asks: Array<Awaited<ReturnType<typeof runCli>>> = [];
    const asking = (async () => {
      for (let i = 0; i < 4; i++) asks.push(await runCli('ask', ['--json', '晋中卫生厕所普及率是多少？'], env));
    })();
    const results = await Promise.all(ingests);
    await asking;
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    for (const ask of asks) {
      expect(ask.code).toBe(0);
      expect(JSON.parse(ask.stdout).answer).toContain('82%');
    }
    expect(await liveFolderExists(indexDir)).toBe(true);
    expect((await readdir(indexDir)).filter((f) => f.startsWith('index-')).length).toBeLessThanOrEqual(2);
  });

  it('takes over the locks of an ingest that was killed while building', async () => {
    const indexDir = path.join(dir.dir, 'killed');
    // A corpus of its own: the killed ingest may hold its lock too, which no other test should wait for.
    const corpusDir = path.join(dir.dir, 'killed-corpus');
    await cp(CORPUS_DIR, corpusDir, { recursive: true });
    const env = { ...envFor(indexDir), CORPUS_DIR: corpusDir };
    const doomed = spawnChild(process.execPath, [compiled('cli/ingest')], { cwd: REPO, env: { ...process.env, ...env } });
    const locks = [path.join(indexDir, 'build.lock'), path.join(corpusDir, 'manifest.json.lock')];
    const exists = (file: string) => access(file).then(() => true, () => false);
    while (!(await exists(locks[0])) && doomed.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.on('close', resolve));
    // Nobody refreshes the locks any more: let them be as old as locks left 20 s ago (stale after 10 s).
    const past = new Date(Date.now() - 20_000);
    for (const lock of locks) if (await exists(lock)) await utimes(lock, past, past);
    // Locks not taken over would keep this ingest waiting for their holder (up to 30 minutes), past the test's time limit.
    const next = await runCli('ingest', [], env);
    expect(next.code).toBe(0);
    expect(await liveFolderExists(indexDir)).toBe(true);
  }, 180_000);
});
