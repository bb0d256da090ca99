import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { afterAll, describe, expect, it } from 'vitest';
import { copyLines, type ColumnBatch } from '../../src/store/postgres/copy-in.js';

/** Rows as a version holds them, with every character COPY's text format treats specially. */
const batch: ColumnBatch = [
  [1, 2, 3],
  ['TY\t2025', 'a\\b\nc', '工作\r报告 \\N'],
  [[2024, 2025], [], [2025, null]],
  ['{"t":"a\\tb"}', '["x\\ny"]', null],
  ['[0.5,-0.25]', null, '[1e-7,3]'],
];

describe('rows written by COPY', () => {
  const db = new PGlite({ extensions: { vector } });
  afterAll(() => db.close());

  it('are read back by the database exactly as they were given', async () => {
    await db.exec('CREATE EXTENSION IF NOT EXISTS vector; CREATE TABLE t (id int, name text, years int[], body json, embedding vector)');
    await db.query('COPY t (id, name, years, body, embedding) FROM \'/dev/blob\'', [], { blob: new Blob([copyLines(batch)]) });
    const { rows } = await db.query<{ id: number; name: string; years: (number | null)[]; body: unknown; embedding: string | null }>(
      'SELECT id, name, years, body, embedding::text AS embedding FROM t ORDER BY id',
    );
    expect(rows.map((r) => r.name)).toEqual(batch[1]);
    expect(rows.map((r) => r.years)).toEqual(batch[2]);
    expect(rows.map((r) => r.body)).toEqual([{ t: 'a\tb' }, ['x\ny'], null]);
    expect(rows.map((r) => r.embedding)).toEqual(['[0.5,-0.25]', null, '[1e-07,3]']);
  });

  it('start every row with the values all rows share (the version)', () => {
    const lines = copyLines(batch, [7]).split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith('7\t'))).toBe(true);
    expect(lines.map((line) => line.slice(2))).toEqual(copyLines(batch).split('\n').filter(Boolean));
  });
});
