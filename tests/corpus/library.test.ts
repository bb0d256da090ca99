import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReports, removeReport } from '../../src/corpus/library.js';
import { CORPUS_DIR, REPO, tempDir } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

describe('adding and removing reports', () => {
  it('adds a file with an entry from its content, and removing it leaves the manifest as it was, fields it does not read included', async () => {
    const corpus = path.join(dir.dir, 'corpus');
    await cp(CORPUS_DIR, corpus, { recursive: true });
    const before = await readFile(path.join(corpus, 'manifest.json'), 'utf8');
    const [added] = await addReports(corpus, [path.join(REPO, 'tests', 'fixtures', 'reports', 'jinzhong-2025.pdf')]);
    expect(added).toMatchObject({ added: true, meta: { id: 'jinzhong-2025', title: '晋中市2025年政府工作报告（摘要）', level: 'city', city: '晋中', year: 2025, reviews: 2024 } });
    expect(await readdir(corpus)).toContain('jinzhong-2025.pdf');
    await removeReport(corpus, 'jinzhong-2025');
    expect(await readFile(path.join(corpus, 'manifest.json'), 'utf8')).toBe(before);
    expect(await readdir(corpus)).not.toContain('jinzhong-2025.pdf');
  });

  it('does not copy a file no reader can read, and says why', async () => {
    const corpus = path.join(dir.dir, 'corpus-2');
    await cp(CORPUS_DIR, corpus, { recursive: true });
    const results = await addReports(corpus, [process.execPath, path.join(dir.dir, 'missing.txt')]);
    expect(results).toEqual([
      { file: path.basename(process.execPath), added: false, reason: expect.stringMatching(/^not a format/) },
      { file: 'missing.txt', added: false, reason: 'file not found' },
    ]);
  });
});
