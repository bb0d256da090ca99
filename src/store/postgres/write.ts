import type pg from 'pg';
import type { IndexManifest } from '../manifest.js';
import { invertTerms, type PassageTerms } from '../passage-terms.js';
import type { StoreBuild } from '../types.js';
import { copyInto, type ColumnBatch } from './copy-in.js';
import { passageBody } from './passage-body.js';

/** Rows per INSERT when writing a version (keeps each statement well under the parameter limit). */
const BATCH = 500;

/** What `rq_versions.format` says of a version's rows: 2 has `scope_years`, 3 postings' `length`, 4 passages' `body`, 5 that body as arrays. Older formats are rebuilt. */
export const VERSION_FORMAT = 5;

/** A built version as statement parameters, prepared before the write transaction opens. */
export interface VersionRows {
  manifest: string;
  averageLength: number;
  dense: IndexManifest['dense'];
  /** Parameters after the version id ($2…) of the documents' INSERT. */
  documents: unknown[];
  /** Rows of each bulk table but their version, in batches: id, doc_id, city, year, reviews, years, length, body, embedding. */
  passages: ColumnBatch[];
  /** term, df. */
  terms: ColumnBatch[];
  /** term, passage_id, tf, length; made while they are written (see `postingBatches`). */
  postings: () => Iterable<ColumnBatch>;
}

/**
 * How a version's bulk rows go to the server: `COPY … FROM STDIN`, or multi-row INSERTs of arrays
 * (`unnest`) where COPY cannot be carried: PGlite served over a socket loses the connection's
 * sync on it (electric-sql/pglite#1028).
 */
export type BulkWrite = 'copy' | 'insert';

/** `COPY` on a PostgreSQL server, INSERTs on PGlite (which says so in `version()`). */
export async function bulkWriteOn(client: pg.PoolClient): Promise<BulkWrite> {
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  return rows[0].version.includes('PGlite') ? 'insert' : 'copy';
}

/** Every row of a built version, serialized: the work that must not hold a transaction open (the postings, a walk of the inverted lists, are made as they are written). */
export function versionRows(build: StoreBuild): VersionRows {
  const { manifest, documents, passages, terms, vectors } = build;
  const lengths = terms.lengths;
  const byId = new Map(documents.map((d) => [d.id, d]));
  const batches = <T>(rows: T[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

  const inverted = invertTerms(terms);
  const termRows = terms.terms.map((term, id) => [term, terms.documentFrequencies[id]] as const);

  return {
    manifest: JSON.stringify({ ...manifest, files: {} } satisfies IndexManifest),
    averageLength: lengths.reduce((a, n) => a + n, 0) / Math.max(lengths.length, 1),
    dense: manifest.dense,
    documents: [documents.map((_, i) => i), documents.map((d) => JSON.stringify(d))],
    passages: batches(passages, BATCH).map((slice) => [
      slice.map((p) => p.id),
      slice.map((p) => p.docId),
      slice.map((p) => byId.get(p.docId)!.city),
      slice.map((p) => byId.get(p.docId)!.year),
      slice.map((p) => byId.get(p.docId)!.reviews),
      slice.map((p) => p.years),
      slice.map((p) => lengths[p.id]),
      slice.map(passageBody),
      slice.map((p) => (vectors ? `[${Array.from(vectors[p.id]).join(',')}]` : null)),
    ]),
    terms: batches(termRows, BATCH * 10).map((slice) => [slice.map((r) => r[0]), slice.map((r) => r[1])]),
    postings: () => postingBatches(terms, inverted, BATCH * 20),
  };
}

/**
 * The postings as INSERT parameters, `size` at a time (term, passage id, count, passage length),
 * made from the inverted lists as they are written: made all at once, as arrays of rows, a ×1000
 * corpus's 30 million postings outgrew the default heap of 4 GB.
 */
function* postingBatches(terms: PassageTerms, { first, postings }: ReturnType<typeof invertTerms>, size: number): Generator<ColumnBatch> {
  const total = postings.length / 2;
  let term = 0;
  for (let from = 0; from < total; from += size) {
    const batch = { terms: [] as string[], passages: [] as number[], counts: [] as number[], lengths: [] as number[] };
    for (let k = from; k < Math.min(from + size, total); k++) {
      while (term + 1 < first.length && first[term + 1] <= k) term++;
      const passage = postings[k * 2];
      batch.terms.push(terms.terms[term]);
      batch.passages.push(passage);
      batch.counts.push(postings[k * 2 + 1]);
      batch.lengths.push(terms.lengths[passage]);
    }
    yield [batch.terms, batch.passages, batch.counts, batch.lengths];
  }
}

/** Writes a prepared version (not yet live) and returns its id. */
export async function writeVersion(client: pg.PoolClient, rows: VersionRows, bulk: BulkWrite): Promise<number> {
  const { rows: inserted } = await client.query<{ id: string }>('INSERT INTO rq_versions (manifest, average_length, format) VALUES ($1, $2, $3) RETURNING id', [
    rows.manifest,
    rows.averageLength,
    VERSION_FORMAT,
  ]);
  const version = Number(inserted[0].id);
  await client.query('INSERT INTO rq_documents (version, position, meta) SELECT $1, * FROM unnest($2::int[], $3::jsonb[])', [version, ...rows.documents]);
  await (bulk === 'copy' ? copyBulk : insertBulk)(client, version, rows);
  if (rows.dense) {
    const { dimension, m, efConstruction } = rows.dense;
    await client.query(
      `CREATE INDEX rq_passages_hnsw_${version} ON rq_passages USING hnsw ((embedding::vector(${dimension})) vector_cosine_ops)
       WITH (m = ${m}, ef_construction = ${efConstruction}) WHERE version = ${version}`,
    );
  }
  return version;
}

async function copyBulk(client: pg.PoolClient, version: number, rows: VersionRows): Promise<void> {
  const passageColumns = ['version', 'id', 'doc_id', 'city', 'year', 'reviews', 'years', 'scope_years', 'length', 'body', 'embedding'];
  const withScopeYears = ([ids, docIds, cities, years, reviews, passageYears, ...rest]: ColumnBatch): ColumnBatch => [
    ids,
    docIds,
    cities,
    years,
    reviews,
    passageYears,
    passageYears.map((named, i) => [years[i], reviews[i], ...(named as number[])] as (number | null)[]),
    ...rest,
  ];
  await copyInto(client, 'rq_passages', passageColumns, rows.passages.map(withScopeYears), [version]);
  await copyInto(client, 'rq_terms', ['version', 'term', 'df'], rows.terms, [version]);
  await copyInto(client, 'rq_postings', ['version', 'term', 'passage_id', 'tf', 'length'], rows.postings(), [version]);
}

async function insertBulk(client: pg.PoolClient, version: number, rows: VersionRows): Promise<void> {
  for (const [ids, docIds, cities, years, reviews, passageYears, ...rest] of rows.passages) {
    await client.query(
      `INSERT INTO rq_passages (version, id, doc_id, city, year, reviews, years, scope_years, length, body, embedding)
       SELECT $1, id, doc_id, city, year, reviews, t.years, ARRAY[year, reviews] || t.years, length, body, embedding::vector
         FROM (SELECT id, doc_id, city, year, reviews, ARRAY(SELECT jsonb_array_elements_text(years))::int[] AS years, length, body, embedding
                 FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::jsonb[], $8::int[], $9::json[], $10::text[])
                   AS u(id, doc_id, city, year, reviews, years, length, body, embedding)) AS t`,
      [version, ids, docIds, cities, years, reviews, passageYears.map((named) => JSON.stringify(named)), ...rest],
    );
  }
  for (const batch of rows.terms) await client.query('INSERT INTO rq_terms (version, term, df) SELECT $1, * FROM unnest($2::text[], $3::int[])', [version, ...batch]);
  for (const batch of rows.postings()) {
    await client.query('INSERT INTO rq_postings (version, term, passage_id, tf, length) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::int[])', [version, ...batch]);
  }
}
