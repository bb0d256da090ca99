import { appendFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileMissLog, missesFile } from '../../src/bot/misses.js';
import { tempDir } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

let clock = 1_700_000_000_000;
const miss = (question: string, kind: 'not-found' | 'disliked', chatType = 'private') => ({ question, reading: question, reason: kind === 'disliked' ? 'FOUND' : 'NOT_COVERED', kind, chatType, at: clock++ });

describe('npx report-qa misses', () => {
  it('lists what the bot kept, most frequent first, skipping a torn line', async () => {
    const log = createFileMissLog(missesFile(dir.dir));
    await log.record(miss('房价多少', 'not-found'));
    for (const chatType of ['private', 'group']) await log.record(miss('停车难怎么办', 'not-found', chatType));
    await log.record(miss('就业目标', 'disliked'));
    await appendFile(missesFile(dir.dir), '{"question": "torn');
    const { code, stdout } = await runCli('misses', ['--json'], { INDEX_DIR: dir.dir, STORE: 'embedded' });
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as Array<{ question: string; count: number; chatTypes: string[] }>;
    expect(listed.map((m) => [m.question, m.count])).toEqual([['停车难怎么办', 2], ['就业目标', 1], ['房价多少', 1]]);
    expect(listed[0].chatTypes).toEqual(['private', 'group']);
    const human = await runCli('misses', [], { INDEX_DIR: dir.dir, STORE: 'embedded' });
    expect(human.stdout.split('\n')[0]).toMatch(/^\s+2 .*停车难怎么办$/);
  });
});
