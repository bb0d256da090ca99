import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { onFirstUse } from '../../on-first-use.js';

/** `pg-copy-streams`, loaded when a version is first written by `COPY`. */
const copyStreams = onFirstUse<typeof import('pg-copy-streams')>('pg-copy-streams');

/** A column value as a version's rows hold it. */
export type CopyValue = string | number | readonly (number | null)[] | null;

/** Rows as columns: one array per column, a value per row (as the `INSERT … unnest` statements take them). */
export type ColumnBatch = readonly (readonly CopyValue[])[];

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` for null, an array of numbers as an array literal, text with its backslash escapes. */
export function copyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.replace(SPECIAL, (c) => ESCAPES[c]);
  return `{${value.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}

/** A batch of rows as COPY text: a line per row, its values separated by tabs, each line starting with `leading` (the version every row is of). */
export function copyLines(batch: ColumnBatch, leading: readonly CopyValue[] = []): string {
  const rows = batch[0]?.length ?? 0;
  const start = leading.map((value) => `${copyValue(value)}\t`).join('');
  let text = '';
  for (let row = 0; row < rows; row++) text += `${start}${batch.map((column) => copyValue(column[row])).join('\t')}\n`;
  return text;
}

/** Streams rows into `table` by `COPY … FROM STDIN`, a batch at a time, on `client` (inside its transaction); every row starts with `leading`. */
export async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], batches: Iterable<ColumnBatch>, leading: readonly CopyValue[] = []): Promise<void> {
  const stream = client.query(copyStreams().from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines(batches, leading)), stream);
}

function* lines(batches: Iterable<ColumnBatch>, leading: readonly CopyValue[]): Generator<string> {
  for (const batch of batches) yield copyLines(batch, leading);
}
