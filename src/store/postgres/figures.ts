import type pg from 'pg';
import type { Figure } from '../../figures/types.js';

/**
 * The figures table of each corpus version, `rq_figures`: one row per indicator statement, with
 * the columns people filter on (city, indicator, year, kind) and the whole statement as JSON.
 * Made by `migrate` (schema.ts) with the other tables.
 */
export const FIGURES_TABLE = `CREATE TABLE IF NOT EXISTS rq_figures (
     version bigint NOT NULL,
     position int NOT NULL,
     doc_id text NOT NULL,
     city text NOT NULL,
     indicator text NOT NULL,
     year int NOT NULL,
     kind text NOT NULL,
     value text NOT NULL,
     data jsonb NOT NULL,
     PRIMARY KEY (version, position))`;

/** Rows per INSERT. */
const BATCH = 500;

/** Writes a version's figures (inside the publishing transaction). */
export async function writeFigures(client: pg.PoolClient, version: number, figures: Figure[]): Promise<void> {
  for (let from = 0; from < figures.length; from += BATCH) {
    const slice = figures.slice(from, from + BATCH);
    await client.query(
      `INSERT INTO rq_figures (version, position, doc_id, city, indicator, year, kind, value, data)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::jsonb[])`,
      [
        version,
        slice.map((_, i) => from + i),
        slice.map((f) => f.docId),
        slice.map((f) => f.city),
        slice.map((f) => f.indicator),
        slice.map((f) => f.year),
        slice.map((f) => f.kind),
        slice.map((f) => f.value),
        slice.map((f) => JSON.stringify(f)),
      ],
    );
  }
}

export async function readFigures(pool: pg.Pool, version: number): Promise<Figure[]> {
  const { rows } = await pool.query<{ data: Figure }>('SELECT data FROM rq_figures WHERE version = $1 ORDER BY position', [version]);
  return rows.map((r) => r.data);
}
