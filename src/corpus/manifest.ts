import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../config.js';
import { AppError } from '../errors.js';
import type { DocumentMeta } from './types.js';

const entrySchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string().min(1),
  city: z.string().default(''),
  year: z.number().int().default(0),
  reviews: z.number().int().default(0),
  kind: z.string().optional(),
});

const manifestSchema = z.object({ documents: z.array(entrySchema) });

export const MANIFEST_FILE = 'manifest.json';

/** Reads `manifest.json` from the corpus folder; an absent manifest means no entries. */
export async function readCorpusManifest(corpusDir: string): Promise<DocumentMeta[]> {
  const file = path.join(corpusDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('CORPUS_MANIFEST_INVALID', { file, detail: 'not valid JSON' });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('CORPUS_MANIFEST_INVALID', { file, detail: describeIssues(parsed.error) });
  }
  return parsed.data.documents;
}

/**
 * Metadata for a report dropped into the corpus without a manifest entry: the title comes from
 * the file name, city and year from the text when it says them early on.
 */
export function guessMeta(file: string, source: string, knownCities: string[]): DocumentMeta {
  const name = path.basename(file, path.extname(file));
  const head = source.slice(0, 600);
  const titleYear = head.match(/(20\d{2})年(?:政府)?工作报告/)?.[1] ?? name.match(/(20\d{2})/)?.[1];
  const year = titleYear ? Number(titleYear) : 0;
  const city =
    knownCities.find((c) => name.includes(c) || head.includes(`${c}市`)) ??
    head.match(/([\u4e00-\u9fa5]{2,3})市(?:人民政府|政府工作报告|\d{4}年)/)?.[1] ??
    '';
  return {
    id: name,
    file: path.basename(file),
    title: name,
    city,
    year,
    reviews: year ? year - 1 : 0,
  };
}
