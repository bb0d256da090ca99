import { writeFile } from 'node:fs/promises';
import { sifWords } from '../../src/embed/sif.js';
import { seededRandom } from './random.js';
import { SMALL_REPORTS } from './small-corpus.js';

/**
 * Words of one topic, given vectors near one another: the meaning a trained word2vec file would
 * carry, for the small reports and questions about them.
 */
export const TOPICS: Record<string, string[]> = {
  jobs: ['就业', '城镇', '岗位', '招聘', '工作', '找'],
  parks: ['公园', '新建', '绿地', '散步'],
  metro: ['地铁', '号线', '通车', '开通', '运营', '建成', '开工'],
  elderly: ['养老', '床位', '老人'],
  air: ['空气质量', '优良', '天数', '空气'],
};

const DIMENSIONS = 16;

/**
 * A word2vec binary file of our own for the small reports: every word of them (as SIF cuts it) and
 * of `TOPICS`, a topic's words close to its centre, the rest at random. Seeded: the same every run.
 */
export async function writeSmallWordVectors(file: string, extraWords: string[] = []): Promise<void> {
  const random = seededRandom(11);
  const gaussian = () => random() + random() + random() - 1.5;
  const centres = Object.fromEntries(Object.keys(TOPICS).map((topic) => [topic, Array.from({ length: DIMENSIONS }, gaussian)]));
  const topicOf = new Map(Object.entries(TOPICS).flatMap(([topic, words]) => words.map((word) => [word, topic])));
  const words = new Set([...Object.values(TOPICS).flat(), ...Object.values(SMALL_REPORTS).flatMap(sifWords), ...extraWords]);
  const parts = [Buffer.from(`${words.size} ${DIMENSIONS}\n`)];
  for (const word of words) {
    const topic = topicOf.get(word);
    const values = Array.from({ length: DIMENSIONS }, (_, d) => (topic ? centres[topic][d] + 0.15 * gaussian() : gaussian()));
    const floats = Buffer.alloc(DIMENSIONS * 4);
    values.forEach((v, d) => floats.writeFloatLE(v, d * 4));
    parts.push(Buffer.from(`${word} `), floats, Buffer.from('\n'));
  }
  await writeFile(file, Buffer.concat(parts));
}
