import pg from 'pg';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { indexManifestSchema, staleReason, type IndexManifest } from '../manifest.js';
import type { StoreBackend, StoreBuild } from '../types.js';
import { dropFigures, writeFigures } from './figures.js';
import { readPostgresIndex } from './read.js';
import { BUILD_LOCK, ensureSchema } from './schema.js';
import { inTransaction } from './transaction.js';

/** Rows per INSERT when writing a version (keeps each statement well under the parameter limit). */
const BATCH = 500;

/**
 * Indexes in PostgreSQL with pgvector. `publish` writes a whole corpus version in one transaction
 * under an advisory lock (a killed ingest's connection drops it), switches `rq_current` and
 * removes versions older than the one replaced.
 */
export function createPostgresBackend(databaseUrl: string, hnsw: Pick<Config['hnsw'], 'efSearch'>): StoreBackend {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const location = databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const corrupt = (detail: string) => new AppError('INDEX_CORRUPT', { dir: location, detail });

  const currentVersion = async (client: pg.Pool | pg.PoolClient = pool): Promise<{ id: number; manifest: IndexManifest } | null> => {
    await ensureSchema(pool);
    const { rows } = await client.query<{ id: string; manifest: unknown }>(
      'SELECT v.id, v.manifest FROM rq_current c JOIN rq_versions v ON v.id = c.version',
    );
    if (rows.length === 0) return null;
    const parsed = indexManifestSchema.safeParse(rows[0].manifest);
    if (!parsed.success) throw corrupt('the version manifest is unreadable');
    return { id: Number(rows[0].id), manifest: parsed.data };
  };

  return {
    kind: 'postgres',
    location,
    async readManifest() {
      return (await currentVersion())?.manifest ?? null;
    },
    async open(expected) {
      const current = await currentVersion();
      if (!current) throw new AppError('INDEX_MISSING', { dir: location });
      const reason = staleReason(current.manifest, expected);
      if (reason) throw new AppError('INDEX_STALE', { dir: location, detail: reason });
      return readPostgresIndex(pool, current.id, current.manifest, hnsw.efSearch);
    },
    async publish(build) {
      await ensureSchema(pool);
      return inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [BUILD_LOCK]);
        // Read on this connection: another one would wait for this transaction (PGlite serializes them).
        const live = await currentVersion(client).catch(() => null);
        const made = await build(live?.manifest ?? null);
        if (!made) return false;
        await writeVersion(client, made);
        return true;
      });
    },
    close: () => pool.end(),
  };
}

async function writeVersion(client: pg.PoolClient, build: StoreBuild): Promise<void> {
  const { manifest, documents, passages, termsByPassage, vectors } = build;
  const lengths = termsByPassage.map((t) => t.length);
  const averageLength = lengths.reduce((a, n) => a + n, 0) / Math.max(lengths.length, 1);
  const fullManifest: IndexManifest = { ...manifest, files: {} };
  const { rows } = await client.query<{ id: string }>('INSERT INTO rq_versions (manifest, average_length) VALUES ($1, $2) RETURNING id', [
    JSON.stringify(fullManifest),
    averageLength,
  ]);
  const version = Number(rows[0].id);

  await client.query('INSERT INTO rq_documents (version, position, meta) SELECT $1, * FROM unnest($2::int[], $3::jsonb[])', [
    version,
    documents.map((_, i) => i),
    documents.map((d) => JSON.stringify(d)),
  ]);

  const byId = new Map(documents.map((d) => [d.id, d]));
  for (let from = 0; from < passages.length; from += BATCH) {
    const slice = passages.slice(from, from + BATCH);
    await client.query(
      `INSERT INTO rq_passages (version, id, doc_id, city, year, reviews, years, length, data, embedding)
       SELECT $1, id, doc_id, city, year, reviews, ARRAY(SELECT jsonb_array_elements_text(years))::int[], length, data, embedding::vector
       FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::jsonb[], $8::int[], $9::jsonb[], $10::text[])
         AS t(id, doc_id, city, year, reviews, years, length, data, embedding)`,
      [
        version,
        slice.map((p) => p.id),
        slice.map((p) => p.docId),
        slice.map((p) => byId.get(p.docId)!.city),
        slice.map((p) => byId.get(p.docId)!.year),
        slice.map((p) => byId.get(p.docId)!.reviews),
        slice.map((p) => JSON.stringify(p.years)),
        slice.map((p) => lengths[p.id]),
        slice.map((p) => JSON.stringify(p)),
        slice.map((p) => (vectors ? `[${Array.from(vectors[p.id]).join(',')}]` : null)),
      ],
    );
  }

  const postings = new Map<string, Map<number, number>>();
  termsByPassage.forEach((terms, passageId) => {
    for (const term of terms) {
      let counts = postings.get(term);
      if (!counts) postings.set(term, (counts = new Map()));
      counts.set(passageId, (counts.get(passageId) ?? 0) + 1);
    }
  });
  const termRows = [...postings].map(([term, counts]) => [term, counts.size] as const);
  for (let from = 0; from < termRows.length; from += BATCH * 10) {
    const slice = termRows.slice(from, from + BATCH * 10);
    await client.query('INSERT INTO rq_terms (version, term, df) SELECT $1, * FROM unnest($2::text[], $3::int[])', [version, slice.map((r) => r[0]), slice.map((r) => r[1])]);
  }
  const postingRows = [...postings].flatMap(([term, counts]) => [...counts].map(([id, tf]) => [term, id, tf] as const));
  for (let from = 0; from < postingRows.length; from += BATCH * 20) {
    const slice = postingRows.slice(from, from + BATCH * 20);
    await client.query('INSERT INTO rq_postings (version, term, passage_id, tf) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[])', [
      version,
      slice.map((r) => r[0]),
      slice.map((r) => r[1]),
      slice.map((r) => r[2]),
    ]);
  }

  await writeFigures(client, version, build.figures);

  if (manifest.dense) {
    const { dimension, m, efConstruction } = manifest.dense;
    await client.query(
      `CREATE INDEX rq_passages_hnsw_${version} ON rq_passages USING hnsw ((embedding::vector(${dimension})) vector_cosine_ops)
       WITH (m = ${m}, ef_construction = ${efConstruction}) WHERE version = ${version}`,
    );
  }

  const previous = await client.query<{ version: string }>('SELECT version FROM rq_current');
  await client.query('INSERT INTO rq_current (version) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version', [version]);
  // Keep the version just replaced (readers may still be on it); drop anything older.
  const keep = [version, ...previous.rows.map((r) => Number(r.version))];
  const old = await client.query<{ id: string }>('SELECT id FROM rq_versions WHERE NOT (id = ANY($1::bigint[]))', [keep]);
  for (const { id } of old.rows) {
    await client.query(`DROP INDEX IF EXISTS rq_passages_hnsw_${Number(id)}`);
    await dropFigures(client, Number(id));
    for (const table of ['rq_postings', 'rq_terms', 'rq_passages', 'rq_documents']) await client.query(`DELETE FROM ${table} WHERE version = $1`, [id]);
    await client.query('DELETE FROM rq_versions WHERE id = $1', [id]);
  }
}
