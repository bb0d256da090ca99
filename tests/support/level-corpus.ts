import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createAnswerer, type Answerer } from '../../src/answer/answerer.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from './fixtures.js';

/**
 * Three reports of our own in the genre, one per level, under neutral file names and with no
 * manifest, so that their place and level are read from their text as `ingest add` reads them:
 * the State Council's, a province's (山西) and a city's (晋城). Each sets a growth target of its own;
 * only the national one speaks of 托位.
 */
export const LEVEL_REPORTS: Record<string, string> = {
  'report-a.txt': [
    '政 府 工 作 报 告',
    '——2025年3月5日在第十四届全国人民代表大会第三次会议上',
    '国务院总理',
    '各位代表：',
    '现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。',
    '一、2024年工作回顾',
    '过去一年，国内生产总值增长5%，城镇新增就业1256万人，粮食产量首次突破1.4万亿斤。细颗粒物平均浓度下降2.7%。',
    '二、2025年政府工作任务',
    '今年发展的主要预期目标是：国内生产总值增长5%左右，城镇调查失业率5.5%左右，城镇新增就业1200万人以上，居民消费价格涨幅2%左右。',
    '新增普惠托育服务托位66万个，新开工改造城镇老旧小区5万个，地级及以上城市细颗粒物浓度继续下降。',
  ].join('\n\n'),
  'report-b.txt': [
    '山西省2025年政府工作报告',
    '——2025年1月20日在山西省第十四届人民代表大会第三次会议上',
    '各位代表：',
    '现在，我代表省人民政府，向大会报告工作，请予审议。',
    '一、2024年工作回顾',
    '一年来，全省地区生产总值增长2.3%，新增城镇就业47万人，新建高标准农田300万亩。',
    '二、2025年工作安排',
    '今年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，新增城镇就业45万人以上。',
    '新建高标准农田280万亩，实施城市更新项目800个。',
  ].join('\n\n'),
  'report-c.txt': [
    '政府工作报告',
    '——2025年2月10日在晋城市第八届人民代表大会第五次会议上',
    '各位代表：',
    '现在，我代表晋城市人民政府，向大会报告工作，请予审议。',
    '一、2024年工作回顾',
    '过去一年，全市地区生产总值增长3.1%，新建口袋公园18个，城镇新增就业2.4万人。',
    '二、2025年主要目标和重点工作',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业2.6万人。',
    '新建社区食堂30个，改造老旧小区96个。',
  ].join('\n\n'),
};

/** A lexical index over the three reports, read as a user's `ingest` reads them (no manifest), asked in the year they plan. */
export async function levelCorpusApp(): Promise<{ app: App; answerer: Answerer; cleanup: () => Promise<void> }> {
  const dir = await tempDir();
  const corpusDir = path.join(dir.dir, 'corpus');
  await mkdir(corpusDir);
  for (const [file, text] of Object.entries(LEVEL_REPORTS)) await writeFile(path.join(corpusDir, file), `${text}\n`);
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: path.join(dir.dir, 'index'), DENSE: 'off', WORD_VECTORS: 'off' });
  const app = await createApp(config);
  return {
    app,
    answerer: createAnswerer({ store: app.store, searcher: app.searcher, settings: config.answer, now: () => new Date('2025-03-20T12:00:00Z') }),
    cleanup: async () => {
      await app.close();
      await dir.cleanup();
    },
  };
}
