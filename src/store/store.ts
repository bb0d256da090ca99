import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Credit } from '../corpus/clean.js';
import type { DocumentMeta, Passage } from '../corpus/types.js';
import { AppError } from '../errors.js';
import { currentIndexFolder, newIndexFolder, publishIndexFolder } from './atomic.js';
import { openLexicalIndex, type LexicalIndex, type LexicalIndexData } from './lexical-index.js';
import { INDEX_FORMAT, indexManifestSchema, type IndexManifest } from './manifest.js';
import { openVectorIndex, type VectorIndex } from './vector-index.js';

export interface StoredDocument extends DocumentMeta {
  credits: Credit[];
}

/** Everything retrieval needs, as loaded from (or about to be written to) the index dir. */
export interface Store {
  manifest: IndexManifest;
  documents: StoredDocument[];
  passages: Passage[];
  lexical: LexicalIndex;
  /** `null` for a lexical-only index. */
  vectors: VectorIndex | null;
}

/** What a caller expects of an index; a mismatch means the index is stale. */
export interface StoreExpectations {
  corpusHash: string;
  chunkingHash: string;
  /** Model id that the dense part must have been built with, or `null` to accept any. */
  model: string | null;
  efSearch: number;
}

const FILES = { manifest: 'manifest.json', passages: 'passages.json', lexical: 'lexical.json', vectors: 'vectors' } as const;

export async function saveStore(indexDir: string, store: Omit<Store, 'manifest'> & { manifest: Omit<IndexManifest, 'files'> }): Promise<string> {
  const folder = await newIndexFolder(indexDir);
  const files: Record<string, number> = {};
  const write = async (name: string, data: string) => {
    await writeFile(path.join(folder, name), data);
    files[name] = Buffer.byteLength(data);
  };
  await write(FILES.passages, JSON.stringify({ documents: store.documents, passages: store.passages }));
  await write(FILES.lexical, JSON.stringify(store.lexical.data));
  if (store.vectors) {
    for (const file of await store.vectors.save(path.join(folder, FILES.vectors))) files[path.basename(file)] = (await stat(file)).size;
  }
  await writeFile(path.join(folder, FILES.manifest), JSON.stringify({ ...store.manifest, files }, null, 2));
  return publishIndexFolder(indexDir, folder);
}

/** Reads the manifest of the live index, or `null` when there is none. Throws INDEX_CORRUPT on a damaged one. */
export async function readIndexManifest(indexDir: string): Promise<{ folder: string; manifest: IndexManifest } | null> {
  const folder = await currentIndexFolder(indexDir);
  if (!folder) return null;
  const raw = await readFile(path.join(folder, FILES.manifest), 'utf8').catch(() => null);
  if (raw === null) throw new AppError('INDEX_CORRUPT', { dir: indexDir, detail: 'manifest.json is missing' });
  const parsed = indexManifestSchema.safeParse(parseJson(raw));
  if (!parsed.success) throw new AppError('INDEX_CORRUPT', { dir: indexDir, detail: 'manifest.json is unreadable' });
  return { folder, manifest: parsed.data };
}

/** Explains why an index does not fit the current corpus and settings, or returns `null` when it does. */
export function staleReason(manifest: IndexManifest, expected: StoreExpectations): string | null {
  if (manifest.format !== INDEX_FORMAT) return `index format ${manifest.format} (this version reads ${INDEX_FORMAT})`;
  if (manifest.corpusHash !== expected.corpusHash) return 'a different corpus (reports were added or changed)';
  if (manifest.chunkingHash !== expected.chunkingHash) return 'other chunking settings';
  if (manifest.dense && expected.model && manifest.dense.model !== expected.model) {
    return `model ${manifest.dense.model}, but MODEL_ID is ${expected.model}`;
  }
  return null;
}

const passagesFileSchema = z.object({
  documents: z.array(z.object({ id: z.string(), file: z.string(), title: z.string(), city: z.string(), year: z.number(), reviews: z.number(), credits: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })) }).passthrough()),
  passages: z.array(z.object({ id: z.number(), docId: z.string(), section: z.string(), text: z.string() }).passthrough()),
});

export async function loadStore(indexDir: string, expected: StoreExpectations): Promise<Store> {
  const found = await readIndexManifest(indexDir);
  if (!found) throw new AppError('INDEX_MISSING', { dir: indexDir });
  const { folder, manifest } = found;
  const reason = staleReason(manifest, expected);
  if (reason) throw new AppError('INDEX_STALE', { dir: indexDir, detail: reason });

  for (const [name, size] of Object.entries(manifest.files)) {
    const actual = await stat(path.join(folder, name)).then((s) => s.size, () => -1);
    if (actual !== size) throw new AppError('INDEX_CORRUPT', { dir: indexDir, detail: `${name} is ${actual < 0 ? 'missing' : 'truncated or altered'}` });
  }
  const contents = passagesFileSchema.safeParse(parseJson(await readFile(path.join(folder, FILES.passages), 'utf8')));
  const lexical = parseJson(await readFile(path.join(folder, FILES.lexical), 'utf8')) as LexicalIndexData | undefined;
  if (!contents.success || !lexical?.lengths || lexical.lengths.length !== manifest.counts.passages) {
    throw new AppError('INDEX_CORRUPT', { dir: indexDir, detail: 'passages.json or lexical.json is unreadable' });
  }
  let vectors: VectorIndex | null = null;
  if (manifest.dense) {
    try {
      vectors = await openVectorIndex(path.join(folder, FILES.vectors), manifest.dense.dimension, expected.efSearch);
    } catch (error) {
      throw new AppError('INDEX_CORRUPT', { dir: indexDir, detail: `vectors: ${(error as Error).message}` });
    }
    if (vectors.count !== manifest.counts.passages) {
      throw new AppError('INDEX_CORRUPT', { dir: indexDir, detail: 'the vectors do not match the passages' });
    }
  }
  return {
    manifest,
    documents: contents.data.documents as StoredDocument[],
    passages: contents.data.passages as unknown as Passage[],
    lexical: openLexicalIndex(lexical),
    vectors,
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
