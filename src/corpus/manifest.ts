import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../config.js';
import { AppError } from '../errors.js';
import { isPlainFileName } from './folder.js';
import { LEVELS, NATIONAL, type DocumentMeta } from './types.js';

/** An entry without a level is a city's report (the manifests written before levels); a national one is about 全国. */
const entrySchema = z
  .object({
    id: z.string().min(1),
    file: z.string().min(1).refine(isPlainFileName, 'a file name inside the corpus folder (no folders, "..", or absolute paths)'),
    title: z.string().min(1),
    level: z.enum(LEVELS).default('city'),
    city: z.string().default(''),
    year: z.number().int().default(0),
    reviews: z.number().int().default(0),
    kind: z.string().optional(),
    url: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) address').optional(),
  })
  .transform((entry) => (entry.level === 'national' ? { ...entry, city: NATIONAL } : entry));

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
 * A manifest must agree with itself and with the folder: one entry per id, one per file, and a
 * file for every entry (or one skipped with its reason: a link, a folder). Otherwise
 * CORPUS_MANIFEST_INVALID names every problem, and ingest stops before anything is written (the
 * old index stays in use).
 */
export function checkEntries(entries: DocumentMeta[], files: string[], manifestFile: string, skipped: string[] = []): void {
  const problems: string[] = [];
  const repeated = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  for (const id of repeated(entries.map((e) => e.id))) problems.push(`id ${id} is used by more than one entry`);
  for (const file of repeated(entries.map((e) => e.file))) problems.push(`${file} has more than one entry`);
  for (const entry of entries) if (!files.includes(entry.file) && !skipped.includes(entry.file)) problems.push(`entry ${entry.id} names ${entry.file}, which is not in the folder`);
  if (problems.length > 0) throw new AppError('CORPUS_MANIFEST_INVALID', { file: manifestFile, detail: problems.join('; ') });
}
