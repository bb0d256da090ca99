import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexicalIndexEnv } from '../support/lexical-context.js';
import { runCli } from '../support/run-cli.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanup } = await lexicalIndexEnv());
});
afterAll(() => cleanup());

const CONTRACT_KEYS = ['question', 'found', 'answer', 'citations', 'mode', 'timings'];
const CITATION_KEYS = ['docId', 'title', 'section', 'quote', 'passage', 'score'];

describe('npm run ask', () => {
  it('prints the answer, then numbered sources', async () => {
    const { code, stdout } = await runCli('ask', ['晋中卫生厕所普及率是多少？'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^问：晋中卫生厕所普及率是多少？\n答：.*82%/);
    expect(stdout).toContain('来源：\n[1] 《晋中市2025年政府工作报告（摘要）》');
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

  it('reads one question per line from stdin and prints one JSON line per question', async () => {
    const input = ['太原有多少辆巡游出租车完成更新？', '', '<i>明天</i>太原天气怎么样？', '   ', '晋中进出口总额增长了多少？', 'x'.repeat(10_000)].join('\n');
    const { code, stdout, stderr } = await runCli('ask', [], env, input);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers).toHaveLength(4);
    expect(answers[0].answer).toContain('8292辆');
    expect(answers[1].found).toBe(false);
    expect(answers[2].citations[0].docId).toBe('JZ2025');
    expect(answers[3]).toMatchObject({ found: false, error: 'QUESTION_TOO_LONG' });
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with one line when the corpus folder is missing', async () => {
    const { code, stderr } = await runCli('ask', ['太原'], { ...env, CORPUS_DIR: '/nonexistent/corpus' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('error: No reports found in /nonexistent/corpus. Put .txt report files there (see README, "Adding a report").');
  });

  it('exits 2 with a clear message, no stack trace, for an empty or huge question', async () => {
    const empty = await runCli('ask', ['  '], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The question is empty');
    const huge = await runCli('ask', ['问'.repeat(10_000)], env);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('10000 characters long');
    expect(huge.stderr + empty.stderr).not.toMatch(/\n\s+at /);
  });
});
