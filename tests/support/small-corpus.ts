import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createAnswerer, type Answerer, type AnswererParts } from '../../src/answer/answerer.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from './fixtures.js';

/**
 * Three small reports of our own in the genre (two years of 甲市, one of 乙市): a review part that
 * says what a year achieved and a plan part with the next year's targets, so plan and result years,
 * near-miss figures (1号线/2号线/3号线) and follow-ups can be tested without the production corpus.
 */
export const SMALL_REPORTS: Record<string, string> = {
  'a-2025.txt': [
    '甲市2025年政府工作报告',
    '一、2024年工作回顾',
    '全年城镇新增就业7.3万人，新建公园16个。地铁1号线开通运营，城市进入地铁时代。新建社区足球场12个，新增养老床位1500张。',
    '二、2025年工作安排',
    '城镇新增就业目标8万人，新建公园20个。地铁2号线力争年底通车。新增养老床位2000张。支持西关步行街创建国家级示范步行街。',
    '办好十件民生实事。新增普惠托位3000个，改造老旧小区120个。',
    '启动东山会展中心建设。',
  ].join('\n\n'),
  'a-2026.txt': [
    '甲市2026年政府工作报告',
    '一、2025年工作回顾',
    '全年城镇新增就业8.2万人，新建公园22个。地铁2号线建成通车。十件民生实事高质量完成，新增养老床位2100张。',
    '二、2026年工作安排',
    '城镇新增就业目标8.5万人。地铁3号线一期开工建设。空气质量优良天数达到300天。推动甲钢老厂区转型利用。加快东山会展中心建设。',
    '三、“十四五”时期回顾',
    '五年来，西关步行街获评国家级旅游休闲街区。',
  ].join('\n\n'),
  'b-2025.txt': [
    '乙市2025年政府工作报告',
    '一、2024年工作回顾',
    '全年城镇新增就业2.5万人，空气质量优良天数280天。',
    '二、2025年工作安排',
    '城镇新增就业目标2.8万人，建成全民健身中心1座。改造提升老旧厂房10处。',
    '完善跨区域双向转诊服务体系。',
    '五件民生实事分别是：一是以学校、医院为重点，新增公共车位1000个；二是改造背街小巷20条。',
  ].join('\n\n'),
};

const DOCUMENTS = [
  { id: 'A2025', file: 'a-2025.txt', title: '甲市2025年政府工作报告', city: '甲', year: 2025, reviews: 2024 },
  { id: 'A2026', file: 'a-2026.txt', title: '甲市2026年政府工作报告', city: '甲', year: 2026, reviews: 2025 },
  { id: 'B2025', file: 'b-2025.txt', title: '乙市2025年政府工作报告', city: '乙', year: 2025, reviews: 2024 },
];

/** Writes the small reports and their manifest into `<dir>/corpus` and returns that folder. */
export async function writeSmallCorpus(dir: string): Promise<string> {
  const corpusDir = path.join(dir, 'corpus');
  await mkdir(corpusDir);
  for (const [file, text] of Object.entries(SMALL_REPORTS)) await writeFile(path.join(corpusDir, file), `${text}\n`);
  await writeFile(path.join(corpusDir, 'manifest.json'), JSON.stringify({ documents: DOCUMENTS }));
  return corpusDir;
}

/** A lexical index over the small reports; `answererWith` builds further answerers on it (another clock, other tuning). */
export async function smallCorpusApp(): Promise<{ app: App; answerer: Answerer; answererWith: (parts: Partial<AnswererParts>) => Answerer; cleanup: () => Promise<void> }> {
  const dir = await tempDir();
  const corpusDir = await writeSmallCorpus(dir.dir);
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: path.join(dir.dir, 'index'), DENSE: 'off', WORD_VECTORS: 'off' });
  const app = await createApp(config);
  const answererWith = (parts: Partial<AnswererParts>) => createAnswerer({ store: app.store, searcher: app.searcher, settings: config.answer, ...parts });
  return {
    app,
    answerer: answererWith({ now: () => new Date('2026-12-02T12:00:00Z') }),
    answererWith,
    cleanup: async () => {
      await app.close();
      await dir.cleanup();
    },
  };
}

/**
 * A lexical app over reports written for one test file: `files` by name, `documents` their manifest
 * entries. `cleanup` closes it and removes its folder.
 */
export async function corpusApp(files: Record<string, string>, documents: object[], env: Record<string, string> = {}): Promise<{ app: App; cleanup: () => Promise<void> }> {
  const dir = await tempDir();
  const corpusDir = path.join(dir.dir, 'corpus');
  await mkdir(corpusDir);
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(corpusDir, file), text);
  await writeFile(path.join(corpusDir, 'manifest.json'), JSON.stringify({ documents }));
  const app = await createApp(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: path.join(dir.dir, 'index'), DENSE: 'off', ...env }));
  return {
    app,
    cleanup: async () => {
      await app.close();
      await dir.cleanup();
    },
  };
}

