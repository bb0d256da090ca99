import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { smallCorpusApp } from '../support/small-corpus.js';

let answerer: Answerer;
let cleanup: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rq-described-'));
  // 甲's report names its old works 甲钢老厂区; a question describing them (老旧厂房) is read as that term.
  const file = path.join(dir, 'lexicon.yaml');
  await writeFile(file, 'frame: []\nsame: []\ntopics: {}\nenglish: {}\ndescribed:\n  甲钢老厂区: [[老旧, 老], [厂房, 厂区]]\n');
  const app = await smallCorpusApp();
  answerer = app.answererWith({ lexicon: loadLexicon(file, dir), now: () => new Date('2026-12-02T12:00:00Z') });
  cleanup = app.cleanup;
});
afterAll(async () => {
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("a described term of one place's report", () => {
  it("is no reading of a question about another place, whose report says the thing in the question's words", async () => {
    const answer = await answerer.answer('乙市2025年要改造多少处老旧厂房？', { explain: true });
    expect(answer.found).toBe(true);
    expect(answer.citations[0]).toMatchObject({ docId: 'B2025' });
    expect(answer.citations[0].quote).toContain('老旧厂房10处');
    const concepts = answer.explain?.weights?.map((w) => w.concept);
    expect(concepts).not.toContain('甲钢老厂区');
    expect(concepts).toEqual(expect.arrayContaining(['老旧', '厂房']));
  });

  it("still reads the question as the term for the place whose report says it", async () => {
    const answer = await answerer.answer('甲市2026年老旧厂房怎么改？', { explain: true });
    expect(answer.explain?.weights?.map((w) => w.concept)).toContain('甲钢老厂区');
  });
});
