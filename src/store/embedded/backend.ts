import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { currentIndexFolder, ensureIndexDir, newIndexFolder, publishIndexFolder, watchCurrent } from '../atomic.js';
import { withLock } from '../lock.js';
import { indexManifestSchema, staleReason, type IndexManifest } from '../manifest.js';
import type { StoreBackend, StoreBuildEnd } from '../types.js';
import { readEmbeddedIndex } from './read.js';
import { FILES, sha256Of } from './files.js';
import { startEmbeddedBuild, type EmbeddedBuild } from './write.js';

/**
 * Indexes as folders under `INDEX_DIR`: `index-<stamp>/`, with `CURRENT` naming the live one. A
 * build is written to a new folder under the build lock and published by replacing `CURRENT`, so a
 * crash at any point leaves the previous index in use, and parallel ingests take turns.
 */
export function createEmbeddedBackend(config: Pick<Config, 'indexDir' | 'hnsw'>): StoreBackend {
  const { indexDir } = config;
  const corrupt = (detail: string) => new AppError('INDEX_CORRUPT', { dir: indexDir, detail });

  const manifestIn = async (folder: string): Promise<IndexManifest> => {
    const raw = await readFile(path.join(folder, FILES.manifest), 'utf8').catch(() => null);
    if (raw === null) throw corrupt('manifest.json is missing');
    const parsed = indexManifestSchema.safeParse(parseJson(raw));
    if (!parsed.success) throw corrupt('manifest.json is unreadable');
    return parsed.data;
  };

  return {
    kind: 'embedded',
    location: indexDir,
    async readManifest() {
      const folder = await currentIndexFolder(indexDir);
      return folder ? manifestIn(folder) : null;
    },
    async open(expected, events) {
      // A publish between reading CURRENT and opening the files moves the folder on: read it again once.
      for (let attempt = 1; ; attempt++) {
        const folder = await currentIndexFolder(indexDir);
        if (!folder) throw new AppError('INDEX_MISSING', { dir: indexDir });
        try {
          const manifest = await manifestIn(folder);
          const reason = staleReason(manifest, expected);
          if (reason) throw new AppError('INDEX_STALE', { dir: indexDir, detail: reason });
          const damage = await readFile(path.join(folder, FILES.damaged), 'utf8').catch(() => null);
          if (damage !== null) throw corrupt(damage.trim() || 'marked damaged');
          await verifyFiles(folder, manifest, corrupt);
          try {
            return await readEmbeddedIndex(folder, manifest, expected.efSearch, events);
          } catch (error) {
            throw corrupt(`${error instanceof Error ? error.message : String(error)}`);
          }
        } catch (error) {
          const moved = (await currentIndexFolder(indexDir)) !== folder;
          if (attempt < 3 && moved) continue;
          throw error;
        }
      }
    },
    async publish(build) {
      await ensureIndexDir(indexDir);
      return withLock(path.join(indexDir, 'build'), async () => {
        const live = await currentIndexFolder(indexDir).then((folder) => (folder ? manifestIn(folder) : null)).catch(() => null);
        const folder = await newIndexFolder(indexDir);
        let started: EmbeddedBuild | undefined;
        let end: StoreBuildEnd | null;
        try {
          started = await startEmbeddedBuild(folder, config.hnsw);
          end = await build(live, started.writer);
          if (end) await started.finish(end);
        } catch (error) {
          await (started ? started.abandon() : rm(folder, { recursive: true, force: true }));
          throw error;
        }
        if (!end) {
          await started.abandon();
          return false;
        }
        await publishIndexFolder(indexDir, folder);
        return true;
      });
    },
    watch: (onPublished) => watchCurrent(indexDir, onPublished),
    async close() {},
  };
}

/**
 * Every file the manifest lists has its recorded size, and a file whose modification time is not
 * the one recorded when it was written is hashed and must have its recorded SHA-256. So a truncated
 * or edited file (even one figure, same size) is caught, while opening an untouched index reads
 * only file metadata instead of hashing a gigabyte.
 */
async function verifyFiles(folder: string, manifest: IndexManifest, corrupt: (detail: string) => AppError): Promise<void> {
  for (const [name, expected] of Object.entries(manifest.files)) {
    const file = path.join(folder, name);
    const actual = await stat(file).catch(() => null);
    if (!actual) throw corrupt(`${name} is missing`);
    if (actual.size !== expected.bytes) throw corrupt(`${name} is truncated or altered`);
    if (actual.mtimeMs !== expected.mtimeMs && (await sha256Of(file)) !== expected.sha256) {
      throw corrupt(`${name} was altered after it was written (checksum differs)`);
    }
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
