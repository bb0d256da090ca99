import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { percentile, scoreAnswer, summarize } from '../../src/eval/metrics.js';
import { readFile, writeFile } from 'node:fs/promises';
import { DEV_QUESTIONS, REPO, tempDir } from '../support/fixtures.js';
import { lexicalIndexEnv } from '../support/lexical-context.js';
import { UNDERSTOOD } from '../support/reader.js';
import { runCli, runCommand } from '../support/run-cli.js';

const FIXTURE = path.join(REPO, 'tests', 'fixtures', 'eval-small.jsonl');

describe('npm run eval on a small question file', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await lexicalIndexEnv();
  });

  it('prints the metrics table, overall and per type', async () => {
    const { code, stdout } = await runCli('eval', [FIXTURE], env);
    expect(code).toBe(0);
    const row = (name: string) => stdout.split('\n').find((l) => l.startsWith(`${name} `))!.trim().split(/\s+/);
    // f4 names the wrong report on purpose: A@1 and R@5 are 2 of 3 answerable questions.
    expect(row('all').slice(0, 9)).toEqual(['all', '4', '0.75', '0.67', '0.67', '0.67', '1.00', '0.00', '1.00']);
    expect(row('fact').slice(0, 4)).toEqual(['fact', '2', '0.50', '0.50']);
    expect(row('none').slice(0, 7)).toEqual(['none', '1', '1.00', '-', '-', '-', '1.00']);
    expect(stdout).toContain('mode: lexical');
    expect(stdout).toMatch(/missed:\n\s+f4 \[fact\]/);
  });

  it('--json gives the summary and every per-question result', async () => {
    const { code, stdout } = await runCli('eval', [FIXTURE, '--json'], env);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ questions: 4, answerable: 3, abstention: 1, falseRefusals: 0, quoteFidelity: 1 });
    expect(report.summary.accuracyAt1).toBeCloseTo(2 / 3);
    expect(report.results.map((r: { id: string; correctAt1: boolean }) => [r.id, r.correctAt1])).toEqual([
      ['f1', true],
      ['f2', true],
      ['f3', false],
      ['f4', false],
    ]);
  });

  it('reports an unreadable question file clearly', async () => {
    const { code, stderr } = await runCli('eval', [path.join(REPO, 'package.json')], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: The question file .* is invalid at line 1/);
  });

  it('says a missing file is missing, refuses an empty set, and names a line without gold', async () => {
    const dir = await tempDir();
    try {
      const missing = await runCli('eval', ['nope.jsonl'], env);
      expect([missing.code, missing.stderr.trim()]).toEqual([1, 'error: Question file not found: nope.jsonl']);
      const empty = path.join(dir.dir, 'empty.jsonl');
      await writeFile(empty, '\n\n');
      const none = await runCli('eval', [empty], env);
      expect([none.code, none.stderr.trim()]).toEqual([1, `error: The question file ${empty} holds no questions.`]);
      const goldless = path.join(dir.dir, 'goldless.jsonl');
      await writeFile(goldless, ['{"id":"a","type":"fact","q":"晋中新造林多少万亩？","gold":["24万亩"]}', '{"id":"b","type":"fact","q":"太原有多少辆出租车？"}'].join('\n'));
      const bad = await runCli('eval', [goldless], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/invalid at line 2: gold: an answerable question needs/);
    } finally {
      await dir.cleanup();
    }
  });

  it('asks thread rows as one conversation, needs every part for gold_all, and scores none_near as abstention', async () => {
    const { code, stdout } = await runCli('eval', [path.join(REPO, 'tests', 'fixtures', 'eval-threads.jsonl'), '--json'], env);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.results.map((r: { id: string; right: boolean }) => [r.id, r.right])).toEqual([
      ['t1', true],
      ['t2', true],
      ['t3', true],
      ['t4', true],
    ]);
    expect(report.summary).toMatchObject({ questions: 4, answerable: 3, right: 1, abstention: 1 });
  });

  it('evaluates the project\'s own dev set by default', async () => {
    const { code, stdout } = await runCommand(process.execPath, ['bin/report-qa.js', 'eval', '--json'], env);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.file).toBe(path.join('eval', 'dev.jsonl'));
    expect(report.summary.questions).toBe((await readFile(DEV_QUESTIONS, 'utf8')).trim().split('\n').length);
  });
});

describe('metrics', () => {
  const answer = (quote: string, docId = 'D1', found = true): Answer => ({
    question: 'q',
    found,
    answer: quote,
    citations: [{ docId, title: 't', year: 2025, section: 's', quote, passage: `前文。${quote}`, score: 1, start: 0, end: 1 }],
    understood: UNDERSTOOD,
    mode: 'lexical',
    timings: { totalMs: 2 },
  });
  const sources = new Map([['D1', '前文。新增就业 8 万人。\n后文。']]);
  const item = { id: 'x', type: 'fact', q: 'q', gold: ['8万人'], docs: ['D1'] };

  it('compares after NFKC and white-space removal, and checks the report id', () => {
    expect(scoreAnswer(item, answer('新增就业８万人。'), sources)).toMatchObject({ correctAt1: true, goldRank: 1, unfaithfulQuotes: [] });
    expect(scoreAnswer(item, answer('新增就业8万人。', 'D2'), sources)).toMatchObject({ correctAt1: false, goldRank: 0 });
    expect(scoreAnswer(item, answer('新增就业8万人。', 'D1', false), sources).correctAt1).toBe(false);
  });

  it('counts quotes that are not verbatim in their report', () => {
    const results = [scoreAnswer(item, answer('新增就业9万人。'), sources), scoreAnswer(item, answer('新增就业8万人。'), sources)];
    expect(results[0].unfaithfulQuotes).toEqual(['新增就业9万人。']);
    expect(summarize(results).quoteFidelity).toBe(0.5);
  });

  it('needs one string of every inner list of gold_all in the answer text', () => {
    const parts = { ...item, gold: ['8万人', '3万人'], gold_all: [['8万人'], ['3万人']] };
    expect(scoreAnswer(parts, { ...answer('新增就业8万人。'), answer: '太原：新增就业8万人。\n晋中：新增就业3万人。' }, sources).correctAt1).toBe(true);
    expect(scoreAnswer(parts, { ...answer('新增就业8万人。'), answer: '太原：新增就业8万人。\n晋中：没有找到。' }, sources).correctAt1).toBe(false);
    const nearMiss = { id: 'n', type: 'none_near', q: 'q', gold: [], docs: [] };
    expect(scoreAnswer(nearMiss, { ...answer('新增就业8万人。'), found: false }, sources)).toMatchObject({ answerable: false, right: true });
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });
});
