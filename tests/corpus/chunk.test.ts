import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../src/corpus/chunk.js';
import { readMeta } from '../../src/corpus/report-meta.js';
import { buildDocument, loadCorpus } from '../../src/corpus/load.js';
import { CORPUS_DIR } from '../support/fixtures.js';

describe('chunking', () => {
  it('keeps passages between the limits unless one sentence alone is longer, and never cuts a sentence', async () => {
    const corpus = await loadCorpus(CORPUS_DIR, { minChars: 100, maxChars: 350 });
    expect(corpus.passages.length).toBeGreaterThan(150);
    corpus.passages.forEach((p, i) => expect(p.id).toBe(i));
    for (const passage of corpus.passages) {
      const longest = Math.max(...passage.sentences.map((s) => s.text.length));
      expect(passage.text.length <= 350 + passage.sentences.length || longest > 350 - 100).toBe(true);
      expect(passage.text).toBe(joinSentences(passage.sentences));
    }
    const lengths = corpus.passages.map((p) => p.text.length).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeGreaterThanOrEqual(100);
  });

  it('follows the chunking settings', async () => {
    const small = await loadCorpus(CORPUS_DIR, { minChars: 40, maxChars: 120 });
    const large = await loadCorpus(CORPUS_DIR, { minChars: 100, maxChars: 350 });
    expect(small.passages.length).toBeGreaterThan(large.passages.length);
  });

  it('handles a report that has no manifest entry, titling it from its text', () => {
    const source = '晋城市2025年政府工作报告\n\n一、2024年工作回顾\n\n全市地区生产总值增长5.1%。新增就业3.2万人。\n\n二、2025年工作安排\n\n力争地区生产总值增长5%左右。';
    const { meta } = readMeta('jincheng-2025.txt', source, ['太原', '晋中']);
    expect(meta).toMatchObject({ id: 'jincheng-2025', title: '晋城市2025年政府工作报告', city: '晋城', year: 2025, reviews: 2024 });
    const document = buildDocument(meta, source, { minChars: 10, maxChars: 350 });
    const plan = document.passages.find((p) => p.text.includes('力争'));
    expect(plan?.sectionKind).toBe('plan');
    expect(plan?.section).toBe('二、2025年工作安排');
  });

  it('plans after the problems paragraph that closes the look back, in an excerpt without the plan heading', () => {
    const source = '政府工作报告\n——2025年2月在晋城市人民代表大会上\n\n一、2024年工作回顾\n\n全市地区生产总值增长5.1%，新增就业3.2万人。\n\n同时，我们也清醒认识到，发展还面临不少困难和问题。\n\n（三）加快建设美丽城市。打造示范街区30个，改造路灯5万盏以上。';
    const { meta } = readMeta('excerpt.txt', source, []);
    const document = buildDocument(meta, source, { minChars: 10, maxChars: 350 });
    expect(document.passages.find((p) => p.text.includes('增长5.1%'))?.sectionKind).toBe('review');
    expect(document.passages.find((p) => p.text.includes('路灯'))?.sectionKind).toBe('plan');
  });
});
