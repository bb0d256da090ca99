/**
 * A deterministic, seeded generator of report-like corpora: copy k of each real report has its
 * paragraphs in a seeded order, a made-up city name in place of 太原/晋中 and every number scaled
 * by a seeded factor, so the text keeps the reports' vocabulary, headings and noise while passages
 * and facts differ between copies. Copy 0 is the real corpus unchanged.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentMeta } from '../src/corpus/types.js';
import { seededRandom } from '../tests/support/random.js';

const CITY_SYLLABLES = '安宁定远海丰河间华阴嘉禾江宁金华临川龙泉南平宁远平阳青田瑞安寿光泰和天长通化万安文成新安兴化永康玉山云和长乐肇庆';

/** Writes `copies` × the real corpus into `target` (with a manifest) and returns the file count. */
export async function writeSyntheticCorpus(sourceDir: string, target: string, copies: number, seed = 2026): Promise<number> {
  const manifest = JSON.parse(await readFile(path.join(sourceDir, 'manifest.json'), 'utf8')) as { documents: DocumentMeta[] };
  const sources = await Promise.all(manifest.documents.map((d) => readFile(path.join(sourceDir, d.file), 'utf8')));
  const random = seededRandom(seed);
  await mkdir(target, { recursive: true });
  const entries: DocumentMeta[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const city = copy === 0 ? null : cityName(random);
    for (const [i, doc] of manifest.documents.entries()) {
      const factor = 0.5 + random();
      const text = copy === 0 ? sources[i] : rewrite(shuffleParagraphs(sources[i], random), city!, factor);
      const file = copy === 0 ? doc.file : `s${copy}-${doc.file}`;
      await writeFile(path.join(target, file), text);
      entries.push(copy === 0 ? doc : { ...doc, id: `S${copy}-${doc.id}`, file, title: doc.title.replace(/太原|晋中/g, city!), city: city! });
    }
  }
  await writeFile(path.join(target, 'manifest.json'), JSON.stringify({ documents: entries }));
  return entries.length;
}

function cityName(random: () => number): string {
  const pick = () => Math.floor(random() * (CITY_SYLLABLES.length / 2)) * 2;
  const a = pick();
  return CITY_SYLLABLES.slice(a, a + 2);
}

function shuffleParagraphs(text: string, random: () => number): string {
  const [first, ...rest] = text.split(/\n\s*\n/);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [first, ...rest].join('\n\n');
}

function rewrite(text: string, city: string, factor: number): string {
  return text.replace(/太原|晋中/g, city).replace(/\d+(\.\d+)?/g, (number, decimals: string | undefined) => {
    if (/^20\d{2}$/.test(number)) return number;
    const scaled = Number(number) * factor;
    return decimals ? scaled.toFixed(decimals.length - 1) : String(Math.max(1, Math.round(scaled)));
  });
}
