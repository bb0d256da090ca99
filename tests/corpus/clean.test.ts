import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/clean.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { compactText } from '../../src/text/normalize.js';
import { CORPUS_DIR } from '../support/fixtures.js';

const chunking = { minChars: 100, maxChars: 350 };
const corpus = await loadCorpus(CORPUS_DIR, chunking);
const doc = (id: string) => corpus.documents.find((d) => d.meta.id === id)!;

describe('cleaning the real reports', () => {
  it('loads all five reports with their manifest ids', () => {
    expect(corpus.documents.map((d) => d.meta.id)).toEqual(['TY2024', 'TY2025', 'TY2025X', 'TY2026', 'JZ2025']);
  });

  it('joins the hard-wrapped lines of the Jinzhong report into whole sentences', () => {
    const sentences = doc('JZ2025').passages.flatMap((p) => p.sentences.map((s) => s.text));
    expect(sentences).toContain('全市快递业务量突破4.5亿件，增长31.9%，线上消费持续扩大。');
    expect(sentences.some((s) => s.startsWith('2024年是攻坚克难、砥砺奋进的一年。'))).toBe(true);
    expect(sentences).toContain('全面落实一揽子增量政策和存量政策，加快推动“两重”“两新”政策落地，积极有效应对需求不足等困难挑战，全市经济总量跃升至全省第4位、达到2458.8亿元。');
    expect(sentences).not.toContain('中持续向好。');
    expect(sentences.some((s) => s.includes('一年来，我们坚持以习近平新时代中国特色社会主义思想为指导'))).toBe(true);
  });

  it('never starts a passage inside a wrapped word', () => {
    const source = doc('JZ2025').source;
    for (const passage of doc('JZ2025').passages) {
      const before = source.slice(0, passage.start).replace(/\s+$/, '');
      const afterSentenceEnd = /[。！？；!?”]$/.test(before);
      const afterHeading = before.endsWith(passage.section.split(' ').at(-1)!);
      expect(before === '' || afterSentenceEnd || afterHeading, `passage ${passage.id}: …${before.slice(-12)}|${passage.text.slice(0, 12)}`).toBe(true);
      expect(passage.text).not.toMatch(/\n/);
    }
    const starts = doc('JZ2025').passages.map((p) => p.text.slice(0, 6));
    expect(starts).not.toContain('来，我们坚持');
  });

  it('joins a sentence that a blank line cut in two', () => {
    const sentences = doc('TY2025').passages.flatMap((p) => p.sentences.map((s) => s.text));
    expect(sentences.some((s) => s.includes('城镇居民人均可支配收入增速与经济增长基本同步'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('谋定推进301项改革事项，先后入选'))).toBe(true);
  });

  it('drops page markers, photo credits, bylines and the masthead from passages but keeps them as credits', () => {
    const all = corpus.passages.map((p) => p.text).join('\n');
    for (const noise of ['下转第4版', '耿婧媛 摄', '郭苑甫', '编辑整理', '政 府 工 作 报 告', '刘 星']) expect(all).not.toContain(noise);
    const credits = (id: string) => doc(id).credits.map((c) => c.text);
    expect(credits('TY2025X')).toContain('迎泽大街 耿婧媛 摄');
    expect(credits('JZ2025').some((c) => c.includes('晋中市人民政府市长'))).toBe(true);
    expect(credits('TY2024')).toContain('2024年2月28日 星期三');
    for (const credit of doc('JZ2025').credits) expect(doc('JZ2025').source.slice(credit.start, credit.end)).toBe(credit.text);
  });

  it('keeps headings as section titles', () => {
    const sections = new Set(corpus.passages.map((p) => p.section));
    expect(sections).toContain('（七）突出民生改善，全力提高人民生活品质');
    expect(sections).toContain('（一）坚持稳中求进，经济运行在克难前行中持续向好。');
    expect(sections).toContain('主要预期目标');
    expect([...sections].some((s) => s.includes('波涛在后岸在前'))).toBe(true);
    expect([...sections].some((s) => s.startsWith('十 聚焦知民情'))).toBe(true);
  });

  it('splits list items of the newspaper special into separate sentences', () => {
    const sentences = doc('TY2025X').passages.flatMap((p) => p.sentences.map((s) => s.text));
    expect(sentences).toContain('8292辆巡游出租车全部更新');
    expect(sentences).toContain('工业投资增速24.7%，排名全省第一');
  });

  it('marks the review and plan parts of a report', () => {
    const kindOf = (id: string, needle: string) => doc(id).passages.find((p) => p.text.includes(needle))?.sectionKind;
    expect(kindOf('TY2025', '工业投资增速24.7%')).toBe('review');
    expect(kindOf('TY2025', '地区生产总值增长5%左右')).toBe('plan');
    expect(kindOf('JZ2025', '全年完成固定资产投资')).toBe('review');
    expect(kindOf('JZ2025', '378.9')).toBe('plan');
  });
});

describe('offsets', () => {
  it('point every sentence and passage at its own text in the original file', async () => {
    for (const document of corpus.documents) {
      const source = await readFile(path.join(CORPUS_DIR, document.meta.file), 'utf8');
      for (const passage of document.passages) {
        expect(compactText(source.slice(passage.start, passage.end))).toContain(compactText(passage.sentences[0].text));
        for (const sentence of passage.sentences) {
          expect(compactText(source.slice(sentence.start, sentence.end))).toBe(compactText(sentence.text));
        }
      }
    }
  });
});

describe('cleanText on constructed input', () => {
  it('splits a line at a page marker and removes the marker', () => {
    const { blocks } = cleanText('第一句话在这里结束。（下转第4版）\n');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].type === 'paragraph' && blocks[0].text).toBe('第一句话在这里结束。');
  });

  it('reads Windows line endings and a byte order mark', () => {
    const { blocks } = cleanText('\uFEFF## 标题\r\n\r\n正文第一句。正文第二句。\r\n');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph']);
    expect(blocks[0].text).toBe('标题');
  });
});
