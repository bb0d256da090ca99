import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { addReports } from '../../src/corpus/library.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { tempDir } from '../support/fixtures.js';
import { writeTinyCorpus } from '../support/tiny-corpus.js';

let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
afterEach(() => dir?.cleanup());

const limited = (corpusDir: string, env: Record<string, string>): Config => loadConfig({ CORPUS_DIR: corpusDir, ...env });
/** 2.2 MB of nested elements: slow to parse, the shape that froze every chat. */
const DEEP_HTML = `<html><body>${'<div>'.repeat(200_000)}深${'</div>'.repeat(200_000)}</body></html>`;
/** 13 MB of paragraphs: more heap than 64 MB to parse. */
const WIDE_HTML = `<html><body>${'<p>太原市城镇新增就业8万人。</p>'.repeat(300_000)}</body></html>`;

describe('untrusted files are read in a sandbox, within limits', () => {
  it('refuses a file over the size limit in ingest add (REPORT_TOO_LARGE) and never copies it in', async () => {
    dir = await tempDir();
    const corpus = await writeTinyCorpus(dir.dir);
    const big = path.join(dir.dir, 'big.txt');
    await writeFile(big, `太原市2025年政府工作报告\n\n${'城镇新增就业8万人。'.repeat(80_000)}\n`);
    const config = limited(corpus, { MAX_REPORT_MB: '1' });
    const [result] = await addReports(corpus, [big], {}, config.reading);
    expect(result).toMatchObject({ added: false, code: 'REPORT_TOO_LARGE' });
    expect(await readdir(corpus)).not.toContain('big.txt');
  });

  it('refuses a Word file that inflates past the text limit (REPORT_TEXT_TOO_LARGE) before inflating it', async () => {
    dir = await tempDir();
    const corpus = await writeTinyCorpus(dir.dir);
    const bomb = path.join(dir.dir, 'bomb.docx');
    await writeFile(bomb, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: '太原'.repeat(1_500_000) })] }] })));
    const [result] = await addReports(corpus, [bomb], {}, limited(corpus, { MAX_REPORT_TEXT_MB: '1' }).reading);
    expect(result).toMatchObject({ added: false, code: 'REPORT_TEXT_TOO_LARGE' });
    expect(await readdir(corpus)).not.toContain('bomb.docx');
  });

  it('skips a file that takes too long (REPORT_READ_TIMEOUT) or too much memory (REPORT_READ_MEMORY) to read, while the event loop keeps running', async () => {
    dir = await tempDir();
    const cases: Array<{ file: string; text: string; env: Record<string, string>; code: string }> = [
      { file: 'deep.html', text: DEEP_HTML, env: { READ_TIMEOUT_S: '1' }, code: 'REPORT_READ_TIMEOUT' },
      { file: 'wide.html', text: WIDE_HTML, env: { READ_MEMORY_MB: '64' }, code: 'REPORT_READ_MEMORY' },
    ];
    for (const { file, text, env, code } of cases) {
      const corpus = await writeTinyCorpus(path.join(dir.dir, file), { [file]: text });
      const config = limited(corpus, env);
      let ticks = 0;
      const ticking = setInterval(() => ticks++, 50);
      const loaded = await loadCorpus(corpus, config.chunking, config.reading).finally(() => clearInterval(ticking));
      expect(loaded.documents.map((d) => d.meta.id)).toEqual(['YL2025']);
      expect(loaded.skipped).toEqual([{ file, reason: expect.any(String), code }]);
      // Reading took a second or more; a blocked event loop would have let the timer run a few times at most.
      expect(ticks).toBeGreaterThan(10);
    }
  });
});
