import { access, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeReport } from '../../src/corpus/library.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { isAppError } from '../../src/errors.js';
import { corpusFingerprint } from '../../src/store/manifest.js';
import { tempDir } from '../support/fixtures.js';
import { writeTinyCorpus } from '../support/tiny-corpus.js';

const CHUNKING = { minChars: 100, maxChars: 350 };
const ENTRY = { id: 'YL2025', file: 'yunling-2025.txt', title: '云岭市2025年政府工作报告', city: '云岭', year: 2025, reviews: 2024 };
let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
afterEach(() => dir?.cleanup());

const exists = (file: string) => access(file).then(() => true, () => false);
const writeManifest = (corpus: string, documents: unknown[]) => writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents }));

describe('only regular files inside the corpus folder are reports', () => {
  it('does not follow a symbolic link to a secret: it is skipped with REPORT_NOT_A_FILE and none of its text is indexed', async () => {
    dir = await tempDir();
    await writeFile(path.join(dir.dir, '.env'), 'BOT_TOKEN=123456789:AAEsecretsecretsecretsecretsecret\nDATABASE_URL=postgres://u:pw@db/x\n');
    const corpus = await writeTinyCorpus(dir.dir);
    await symlink('../.env', path.join(corpus, 'notes.txt'));
    const loaded = await loadCorpus(corpus, CHUNKING);
    expect(loaded.documents.map((d) => d.meta.file)).toEqual(['yunling-2025.txt']);
    expect(loaded.skipped).toEqual([{ file: 'notes.txt', reason: expect.any(String), code: 'REPORT_NOT_A_FILE' }]);
    expect(loaded.passages.some((p) => p.text.includes('secret'))).toBe(false);
  });

  it('skips a dangling link and a folder named like a report with a reason, and indexes the rest', async () => {
    dir = await tempDir();
    const corpus = await writeTinyCorpus(dir.dir);
    await symlink('gone.txt', path.join(corpus, 'dangling.txt'));
    await mkdir(path.join(corpus, 'x.txt'));
    await expect(corpusFingerprint(corpus)).resolves.toMatch(/^[0-9a-f]+$/);
    const loaded = await loadCorpus(corpus, CHUNKING);
    expect(loaded.documents.map((d) => d.meta.id)).toEqual(['YL2025']);
    expect(loaded.skipped.map((s) => [s.file, s.code])).toEqual([
      ['dangling.txt', 'REPORT_NOT_A_FILE'],
      ['x.txt', 'REPORT_NOT_A_FILE'],
    ]);
  });

  it('never removes a file outside the folder: an entry with .. or an absolute path is refused, and removing a linked report removes the link only', async () => {
    dir = await tempDir();
    const corpus = await writeTinyCorpus(dir.dir);
    const canary = path.join(dir.dir, 'canary.txt');
    await writeFile(canary, '云岭市2024年政府工作报告\n\n城镇新增就业3万人。\n');
    for (const file of ['../canary.txt', canary]) {
      await writeManifest(corpus, [ENTRY, { ...ENTRY, id: 'CANARY', file }]);
      const refused = await removeReport(corpus, 'CANARY').catch((e: unknown) => e);
      expect(isAppError(refused, 'CORPUS_MANIFEST_INVALID'), file).toBe(true);
      expect(await exists(canary)).toBe(true);
    }

    await symlink('../canary.txt', path.join(corpus, 'linked.txt'));
    await writeManifest(corpus, [ENTRY, { ...ENTRY, id: 'LINKED', file: 'linked.txt' }]);
    await removeReport(corpus, 'LINKED');
    expect(await exists(path.join(corpus, 'linked.txt'))).toBe(false);
    expect(await readFile(canary, 'utf8')).toContain('城镇新增就业');
  });
});
