import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A short report of our own, in the shape of the real ones: a title, sections, figures. */
export const TINY_REPORT = [
  '云岭市2025年政府工作报告',
  '',
  '一、2024年工作回顾',
  '',
  '全市地区生产总值增长5.2%，城镇新增就业3.1万人。新建改建农村公路120公里，建成口袋公园16个。',
  '',
  '二、2025年主要预期目标',
  '',
  '地区生产总值增长5%左右，一般公共预算收入增长3%，城镇调查失业率控制在5.5%以内。',
  '',
].join('\n');

/** A question the tiny report answers (地区生产总值增长5%左右). */
export const TINY_QUESTION = '云岭2025年地区生产总值增长目标是多少？';

/** Writes `corpus/` under `dir` with the tiny report (and any other files given) and a manifest entry for it. */
export async function writeTinyCorpus(dir: string, extra: Record<string, string | Buffer> = {}, report = TINY_REPORT): Promise<string> {
  const corpus = path.join(dir, 'corpus');
  await mkdir(corpus, { recursive: true });
  await writeFile(path.join(corpus, 'yunling-2025.txt'), report);
  const entry = { id: 'YL2025', file: 'yunling-2025.txt', title: '云岭市2025年政府工作报告', city: '云岭', year: 2025, reviews: 2024 };
  await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents: [entry] }, null, 2));
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(corpus, name), content);
  return corpus;
}
