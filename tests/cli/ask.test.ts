import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/fixtures.js';
import { lexicalIndexEnv } from '../support/lexical-context.js';
import { runCli, runCommand } from '../support/run-cli.js';

let env: Record<string, string>;

beforeAll(async () => {
  env = await lexicalIndexEnv();
});

const CONTRACT_KEYS = ['question', 'found', 'answer', 'citations', 'mode', 'timings'];
const CITATION_KEYS = ['docId', 'title', 'section', 'quote', 'passage', 'score'];

describe('npm run ask', () => {
  it('prints the answer span, the quote it stands in and the source, each once', async () => {
    const { code, stdout } = await runCli('ask', ['晋中卫生厕所普及率是多少？'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^问：晋中卫生厕所普及率是多少？\n答：卫生厕所普及率达 ?82%\n原文：「[^」]*82%[^」]*」\n来源：《晋中市2025年政府工作报告（摘要）》/);
    expect(stdout.match(/卫生厕所普及率达 ?82%/g)).toHaveLength(2);
  });

  it('--json prints exactly one JSON object with the documented fields', async () => {
    const { code, stdout } = await runCli('ask', ['--json', '太原滨河自行车道有多长？'], env);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]);
    for (const key of CONTRACT_KEYS) expect(answer).toHaveProperty(key);
    expect(answer.found).toBe(true);
    expect(answer.mode).toBe('lexical');
    expect(answer.timings.totalMs).toBeTypeOf('number');
    expect(answer.citations[0].docId).toBe('TY2026');
    for (const key of CITATION_KEYS) expect(answer.citations[0]).toHaveProperty(key);
    const scores = answer.citations.map((c: { score: number }) => c.score);
    expect(scores[0]).toBe(Math.max(...scores));
  });

  it('--explain shows how the question was read, the candidates and the decision; in --json as "explain"', async () => {
    const human = await runCli('ask', ['--explain', '晋中卫生厕所普及率是多少？'], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('如何理解问题：');
    expect(human.stdout).toContain('候选句子：');
    expect(human.stdout).toMatch(/决定：single \/ best-sentence → 回答/);
    const json = JSON.parse((await runCli('ask', ['--json', '--explain', '广州的地铁有多长？'], env)).stdout);
    expect(json).toMatchObject({ found: false, reason: 'OUT_OF_SCOPE', explain: { decision: 'scope-empty', reason: 'OUT_OF_SCOPE' } });
    expect(json.explain.reading.map((n: { step: string }) => n.step)).toContain('places');
  }, 120_000);

  it('reads one question per line from stdin and prints one JSON line per input line, blank ones included', async () => {
    const input = ['太原有多少辆巡游出租车完成更新？', '', '<i>明天</i>太原天气怎么样？', '   ', '晋中进出口总额增长了多少？', 'x'.repeat(10_000)].join('\n');
    const { code, stdout, stderr } = await runCli('ask', [], env, input);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers).toHaveLength(6);
    expect(answers[0].answer).toContain('8292辆');
    expect(answers[1]).toMatchObject({ found: false, error: 'QUESTION_EMPTY', citations: [] });
    expect(answers[2].found).toBe(false);
    expect(answers[3]).toMatchObject({ found: false, error: 'QUESTION_EMPTY' });
    expect(answers[4].citations[0].docId).toBe('JZ2025');
    expect(answers[5]).toMatchObject({ found: false, error: 'QUESTION_TOO_LONG' });
    expect(stderr).toBe('');
  });

  it('refuses junk instead of answering it: JSONL lines whose question or thread is not text, and input with no content words', async () => {
    const input = ['{"question": 5}', '{"thread": {}}', '{"question": "太原滨河自行车道有多长？", "thread": {}}', 'test', 'hello world', '[object Object]', '太原滨河自行车道有多长？'].join('\n');
    const { code, stdout } = await runCli('ask', [], env, input);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.found, a.error ?? null])).toEqual([
      [false, 'QUESTION_NOT_TEXT'],
      [false, 'QUESTION_NOT_TEXT'],
      [false, 'QUESTION_NOT_TEXT'],
      [false, 'QUESTION_NO_WORDS'],
      [false, 'QUESTION_NO_WORDS'],
      [false, 'QUESTION_NO_WORDS'],
      [true, null],
    ]);
  });

  it('puts nothing but JSON on stdout through npm run -s and the report-qa bin', async () => {
    const viaNpm = await runCommand('npm', ['run', '-s', 'ask', '--', '--json', '晋中卫生厕所普及率是多少？'], env);
    expect(JSON.parse(viaNpm.stdout).answer).toContain('82%');
    const viaBin = await runCommand(process.execPath, ['bin/report-qa.js', 'ask', '--json', '晋中卫生厕所普及率是多少？'], env);
    expect(JSON.parse(viaBin.stdout).answer).toContain('82%');
    const lines = await runCommand(process.execPath, ['bin/report-qa.js', 'ask'], env, '晋中卫生厕所普及率是多少？\n太原滨河自行车道有多长？\n');
    expect(lines.stdout.trim().split('\n').map((l) => JSON.parse(l).found)).toEqual([true, true]);
  });

  it('exits 2 with a hint for an unknown option, and takes a question that starts with "-" after "--"', async () => {
    const bogus = await runCli('ask', ['--bogus', 'x'], env);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr.trim().split('\n')).toHaveLength(1);
    expect(bogus.stderr).toContain('"--"');
    const dashed = await runCli('ask', ['--json', '--', '-5%是哪个指标？'], env);
    expect(dashed.code).toBe(0);
    expect(JSON.parse(dashed.stdout).question).toBe('-5%是哪个指标？');
  });

  it('removes whole terminal escape sequences from a question', async () => {
    const { stdout } = await runCli('ask', ['--json', '太原\x1b[31m2025年地区生产总值增长目标\x1b[0m是多少？'], env);
    const answer = JSON.parse(stdout);
    expect(answer.question).toBe('太原2025年地区生产总值增长目标是多少？');
    expect(answer.answer).toContain('地区生产总值增长5%左右');
  });

  it('says once, on stderr, that dense retrieval is off: when the index is built, not on every ask', async () => {
    const dir = await tempDir();
    const modelEnv = { ...env, INDEX_DIR: dir.dir, DENSE: 'on', ALLOW_REMOTE_MODELS: 'false' };
    try {
      const ingested = await runCli('ingest', [], modelEnv);
      expect(ingested.code).toBe(0);
      expect(ingested.stdout).toMatch(/^id +city +year +passages +title\nTY2024 +太原 +2024 +31 +太原市2024年政府工作报告（摘要）\n/);
      expect(ingested.stdout).toMatch(/\nIndexed 5 reports, 196 passages/);
      expect(ingested.stdout).not.toContain('Dense');
      expect(ingested.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Dense retrieval is off \(.* is unavailable: not in .*\); lexical search only\./)]);
      const asked = await runCli('ask', ['--json', '晋中卫生厕所普及率是多少？'], modelEnv);
      expect(asked.stderr).toBe('');
      expect(JSON.parse(asked.stdout).mode).toBe('lexical');
    } finally {
      await dir.cleanup();
    }
  });

  it('exits 1 with one error line when the index folder cannot be created', async () => {
    const { code, stderr } = await runCli('ask', ['太原'], { ...env, INDEX_DIR: '/proc/report-qa-nope' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^error: Cannot use \/proc\/report-qa-nope as the index folder/);
  });

  it('exits 1 with one line when the corpus folder is missing', async () => {
    const { code, stderr } = await runCli('ask', ['太原'], { ...env, CORPUS_DIR: '/nonexistent/corpus' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('error: No reports found in /nonexistent/corpus. Put .txt report files there (see README, "Adding a report").');
  });

  it('exits 2 with a clear Chinese message, no stack trace, for an empty, emoji-only or huge question', async () => {
    const empty = await runCli('ask', ['  '], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('问题是空的');
    const emoji = await runCli('ask', ['😀🎉'], env);
    expect(emoji.code).toBe(2);
    expect(emoji.stderr).toContain('请用文字提问');
    const huge = await runCli('ask', ['问'.repeat(10_000)], env);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('问题有 10000 个字');
    expect(huge.stderr + empty.stderr + emoji.stderr).not.toMatch(/\n\s+at /);
  });
});
