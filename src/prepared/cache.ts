import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where prepared data is kept: `.cache/prepared/` in the project, shared by `src/` and `dist/`. */
export const PREPARED_DIR = path.resolve(import.meta.dirname, '..', '..', '.cache', 'prepared');

/**
 * Data derived from a source (a data file, a package's dictionary), kept in a file named by its kind
 * and the SHA-256 of the source, so later starts read it instead of deriving it again and an edited
 * source (another hash) is derived anew. `kind` carries a format version: change it when `make`
 * changes what it writes. A cache folder that cannot be written costs only the time to derive.
 */
export function prepared(kind: string, source: string | Buffer, make: () => string | Buffer, dir = PREPARED_DIR): Buffer {
  const file = path.join(dir, `${kind}-${createHash('sha256').update(kind).update(source).digest('hex').slice(0, 32)}`);
  try {
    return readFileSync(file);
  } catch {
    const made = Buffer.from(make());
    try {
      mkdirSync(dir, { recursive: true });
      // Written whole under another name first: a process reading at the same time sees all of it or nothing.
      const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
      writeFileSync(partial, made);
      renameSync(partial, file);
    } catch {
      // Read-only install: derive it again next time.
    }
    return made;
  }
}
