import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PostgresSettings } from '../../config.js';
import { AppError } from '../../errors.js';
import { indexManifestSchema, staleReason } from '../manifest.js';
import type { StoreBackend } from '../types.js';
import { pollLiveVersion, watchPublished } from './notify.js';
import { asUnavailable, query, redactedUrl, sharedPool } from './pool.js';
import { writeFigures } from './figures.js';
import { readPostgresIndex } from './read.js';
import { BUILD_LOCK, migrate, SCHEMA_VERSION, schemaVersion } from './schema.js';
import { inTransaction } from './transaction.js';
import { dropUnusedVersions, leaseCurrent, LEASE_REFRESH_MS, refreshLeases, releaseLease } from './versions.js';
import { bufferedBuild } from './buffered-build.js';
import { bulkWriteOn, VERSION_FORMAT, versionRows, writeVersion } from './write.js';

/** The channel a publish notifies, with the new version's id, so readers switch to it. */
export const PUBLISHED_CHANNEL = 'rq_published';
/** Tables a version's rows go to: analyzed before the version goes live, so its first query is planned on its real size. */
const VERSION_TABLES = 'rq_versions, rq_documents, rq_passages, rq_terms, rq_postings, rq_figures';

/**
 * Indexes in PostgreSQL with pgvector. `publish` builds with no transaction open (holding a session
 * advisory lock, which a killed ingest's connection drops), writes the built version in one
 * transaction, analyzes it, then makes it live and notifies readers; versions no reader holds a
 * lease on are then removed in batches. Readers never create or alter tables (`migrate` does).
 */
export function createPostgresBackend(settings: PostgresSettings): StoreBackend {
  const { pool, release: releasePool } = sharedPool(settings);
  const location = redactedUrl(settings.databaseUrl);
  const reader = randomUUID();
  const leased = new Set<number>();
  const refresh = setInterval(() => {
    if (leased.size) refreshLeases(pool, reader).catch(() => undefined);
  }, LEASE_REFRESH_MS).unref();
  const corrupt = (detail: string) => new AppError('INDEX_CORRUPT', { dir: location, detail });

  const schemaOf = (client: pg.Pool | pg.PoolClient) => schemaVersion(client).catch((error: unknown) => Promise.reject(asUnavailable(error)));

  /** The live version; null when there is none (or the tables predate this schema: migrating, or a rebuild, upgrades them). */
  const liveVersion = async (client: pg.Pool | pg.PoolClient = pool, version?: number) => {
    if ((await schemaOf(client)) < SCHEMA_VERSION) return null;
    const { rows } = await query<{ id: string; manifest: unknown; format: number }>(
      client,
      version === undefined
        ? 'SELECT v.id, v.manifest, v.format FROM rq_current c JOIN rq_versions v ON v.id = c.version'
        : 'SELECT v.id, v.manifest, v.format FROM rq_versions v WHERE v.id = $1',
      version === undefined ? [] : [version],
    );
    if (rows.length === 0) return null;
    const parsed = indexManifestSchema.safeParse(rows[0].manifest);
    if (!parsed.success) throw corrupt('the version manifest is unreadable');
    return { id: Number(rows[0].id), manifest: parsed.data, format: rows[0].format };
  };
  /** The live version's manifest; null when there is none, or it is of an older format (rebuilt, never kept). */
  const liveManifest = async (client: pg.Pool | pg.PoolClient = pool) => {
    const live = await liveVersion(client);
    return live && live.format >= VERSION_FORMAT ? live.manifest : null;
  };

  return {
    kind: 'postgres',
    location,
    async readManifest() {
      return liveManifest();
    },
    async open(expected) {
      const schema = await schemaOf(pool);
      if (schema === 0) throw new AppError('INDEX_MISSING', { dir: location });
      // A reader never alters tables: tables of an older release are upgraded by `npm run migrate` or the rebuild this asks for.
      if (schema < SCHEMA_VERSION) throw new AppError('INDEX_STALE', { dir: location, detail: `an older database schema (${schema}; this release needs ${SCHEMA_VERSION})` });
      const id = await leaseCurrent(pool, reader);
      const current = id === null ? null : await liveVersion(pool, id);
      if (!current) throw new AppError('INDEX_MISSING', { dir: location });
      const release = async () => {
        leased.delete(current.id);
        await releaseLease(pool, reader, current.id).catch(() => undefined);
      };
      leased.add(current.id);
      try {
        if (current.format < VERSION_FORMAT) throw new AppError('INDEX_STALE', { dir: location, detail: 'an older release of report-qa' });
        const reason = staleReason(current.manifest, expected);
        if (reason) throw new AppError('INDEX_STALE', { dir: location, detail: reason });
        return await readPostgresIndex(pool, current.id, current.manifest, release);
      } catch (error) {
        await release();
        throw error;
      }
    },
    async publish(build) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // The connection sits idle while the version is built: losing it then must fail this publish, not the process.
      const onLost = (error: Error) => (broken = error);
      client.on('error', onLost);
      try {
        // Writing, indexing and analyzing a version may take longer than a reader's statement may.
        await client.query('SET statement_timeout = 0');
        await migrate(client);
        await client.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
        try {
          const buffered = bufferedBuild();
          const end = await build(await liveManifest(client).catch(() => null), buffered.writer);
          if (!end) return false;
          const made = buffered.whole(end);
          const rows = versionRows(made);
          const bulk = await bulkWriteOn(client);
          const version = await inTransaction(client, async () => {
            const written = await writeVersion(client, rows, bulk);
            await writeFigures(client, written, made.figures);
            return written;
          });
          await client.query(`VACUUM (ANALYZE) ${VERSION_TABLES}`);
          await inTransaction(client, async () => {
            await client.query('INSERT INTO rq_current (version) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version', [version]);
            await client.query('SELECT pg_notify($1, $2)', [PUBLISHED_CHANNEL, String(version)]);
          });
          await dropUnusedVersions(client);
          return true;
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => undefined);
        }
      } catch (error) {
        broken = error as Error;
        throw asUnavailable(error);
      } finally {
        await client.query('RESET statement_timeout').catch(() => undefined);
        client.off('error', onLost);
        client.release(broken);
      }
    },
    watch(onPublished) {
      const stopListening = watchPublished(settings, PUBLISHED_CHANNEL, onPublished);
      const stopPolling = pollLiveVersion(pool, onPublished);
      return async () => {
        stopPolling();
        await stopListening();
      };
    },
    async close() {
      clearInterval(refresh);
      await releasePool();
    },
  };
}
