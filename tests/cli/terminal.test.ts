import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { formatAnswer } from '../../src/cli/format.js';
import { tempDir, testConfig } from '../support/fixtures.js';
import { TINY_QUESTION, TINY_REPORT, writeTinyCorpus } from '../support/tiny-corpus.js';

let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.close();
  await dir?.cleanup();
});

describe('terminal output', () => {
  it('prints no escape or control sequence that a report holds (window title, screen clearing)', async () => {
    dir = await tempDir();
    const hostile = TINY_REPORT.replace('地区生产总值增长5%左右', '地区生产总值\x1b]2;owned\x07增长\x1b[2J5%左右\x1b[31m');
    const corpusDir = await writeTinyCorpus(dir.dir, {}, hostile);
    app = await createApp(testConfig(dir.dir, { CORPUS_DIR: corpusDir, DENSE: 'off' }));
    const answer = await app.answerer.answer(TINY_QUESTION);
    expect(answer.citations[0]?.quote).toContain('\x1b');
    const printed = formatAnswer(answer);
    expect(printed).toContain('地区生产总值增长5%左右');
    expect(printed).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });
});
