import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { corpusApp } from '../support/small-corpus.js';

/** A report and a newspaper digest of it that prints some of its sentences cut to one line each. */
const REPORT = [
  '丙市2025年政府工作报告',
  '一、2024年工作回顾',
  '全年城镇新增就业3.1万人，新建口袋公园40个。',
  '二、2025年工作安排',
  '巩固国家森林城市建设成果，加快构建北部远郊百万亩生态屏障。推进城市更新行动，改造老旧小区80个，新建停车位5000个。持续打好蓝天碧水净土保卫战，完成清洁取暖改造2万户，治理黑臭水体8条，新增绿地面积120公顷，建设城市绿道50公里，推进河湖长制落实，提升城市污水处理能力，加强噪声污染防治。',
  '扩大有效投资，实施重点项目300个。深化营商环境改革，推行企业开办一日办结。',
].join('\n\n');
const DIGEST = [
  '## 2025年工作任务清单',
  '',
  '加快构建北部远郊百万亩生态屏障',
  '',
  '改造老旧小区80个',
  '',
  '推行企业开办一日办结',
].join('\n');

let app: App;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const documents = [
    { id: 'C2025', file: 'report.txt', title: '丙市2025年政府工作报告', city: '丙', year: 2025, reviews: 2024 },
    { id: 'C2025D', file: 'digest.md', title: '丙市两会特刊', city: '丙', year: 2025, reviews: 2024 },
  ];
  ({ app, cleanup } = await corpusApp({ 'report.txt': `${REPORT}\n`, 'digest.md': `${DIGEST}\n` }, documents, { WORD_VECTORS: 'off' }));
});
afterAll(() => cleanup());

describe('a digest line that copies a report sentence', () => {
  it('is answered from the report sentence that holds it, with the decision named', async () => {
    const answer = await app.answerer.answer('丙市2025年北部远郊百万亩生态屏障怎么说的？', { explain: true });
    expect(answer.found).toBe(true);
    expect(answer.citations[0]).toMatchObject({ docId: 'C2025' });
    expect(answer.citations[0].quote).toContain('巩固国家森林城市建设成果');
    // The judge ranks the digest's short line first; the report's sentence is what is quoted.
    expect(answer.explain!.candidates[0]).toMatchObject({ docId: 'C2025D', answers: true });
    expect(answer.explain!.decision).toBe('source-over-copy');
  });
});
