import type { Config } from '../config.js';
import { createEmbeddedBackend } from './embedded/backend.js';
import { createPostgresBackend } from './postgres/backend.js';
import type { StoreBackend } from './types.js';

/** The index backend `STORE` names: folders under `INDEX_DIR` (embedded) or PostgreSQL at `DATABASE_URL`. */
export function createStore(config: Pick<Config, 'store' | 'indexDir' | 'hnsw'>): StoreBackend {
  return config.store.kind === 'postgres' ? createPostgresBackend(config.store) : createEmbeddedBackend(config);
}
