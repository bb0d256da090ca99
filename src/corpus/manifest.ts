import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../config.js';
import { AppError } from '../errors.js';
import { COUNTIES, OTHER_PLACES } from './places.js';
import { LEVELS, NATIONAL, type DocumentMeta } from './types.js';

/** An entry without a level is a city's report (the manifests written before levels); a national one is about 全国. */
const entrySchema = z
  .object({
    id: z.string().min(1),
    file: z.string().min(1),
    title: z.string().min(1),
    level: z.enum(LEVELS).default('city'),
    city: z.string().default(''),
    year: z.number().int().default(0),
    reviews: z.number().int().default(0),
    kind: z.string().optional(),
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
 * file for every entry. Otherwise CORPUS_MANIFEST_INVALID names every problem, and ingest stops
 * before anything is written (the old index stays in use).
 */
export function checkEntries(entries: DocumentMeta[], files: string[], manifestFile: string): void {
  const problems: string[] = [];
  const repeated = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  for (const id of repeated(entries.map((e) => e.id))) problems.push(`id ${id} is used by more than one entry`);
  for (const file of repeated(entries.map((e) => e.file))) problems.push(`${file} has more than one entry`);
  for (const entry of entries) if (!files.includes(entry.file)) problems.push(`entry ${entry.id} names ${entry.file}, which is not in the folder`);
  if (problems.length > 0) throw new AppError('CORPUS_MANIFEST_INVALID', { file: manifestFile, detail: problems.join('; ') });
}

/**
 * Metadata for a report dropped into the corpus without a manifest entry: the title comes from the
 * text (a line naming the report, or the first short line; or the file's own title, such as an
 * HTML <title>), city and year from the text when it says them early on.
 */
export function guessMeta(file: string, source: string, knownCities: string[], titleCandidate?: string): DocumentMeta {
  const name = path.basename(file, path.extname(file));
  const head = `${titleCandidate ?? ''}\n${source.slice(0, 600)}`;
  const titleYear = head.match(/(20\d{2})年(?:政府)?工作报告/)?.[1] ?? name.match(/(20\d{2})/)?.[1];
  const year = titleYear ? Number(titleYear) : 0;
  const city =
    knownCities.find((c) => name.includes(c) || head.includes(`${c}市`)) ??
    head.match(/([\u4e00-\u9fa5]{2,3})市(?:人民政府|政府工作报告|\d{4}年)/)?.[1] ??
    mostNamedCity(source, knownCities) ??
    '';
  return {
    id: name,
    file: path.basename(file),
    title: titleFrom(head, titleCandidate) ?? name,
    level: 'city',
    city,
    year,
    reviews: year ? year - 1 : 0,
  };
}

/** The report's own title: a line (or the file's title) that names a work report, else the first short line. */
function titleFrom(head: string, candidate?: string): string | undefined {
  const lines = head.split('\n').map((l) => l.replace(/^#+\s*/, '').trim()).filter(Boolean);
  const names = (text: string) => /(政府)?工作报告|报告/.test(text);
  if (candidate && names(candidate)) return candidate.trim();
  return lines.find((l) => names(l) && l.length <= 60) ?? candidate?.trim() ?? lines.find((l) => l.length <= 30 && !/[。；]/.test(l));
}

/** The city a report names most often (at least three times), among the places the project knows. */
function mostNamedCity(source: string, knownCities: string[]): string | undefined {
  const candidates = new Set([...knownCities, ...Object.keys(COUNTIES), ...OTHER_PLACES]);
  let best: { city: string; count: number } | undefined;
  for (const city of candidates) {
    const count = source.split(city).length - 1;
    if (count >= 3 && (!best || count > best.count)) best = { city, count };
  }
  return best?.city;
}
