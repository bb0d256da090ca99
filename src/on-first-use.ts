import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded the first time it is used instead of when the program starts: a one-shot
 * lexical `ask` needs neither hnswlib, nor pg, nor the build lock, and each costs tens of milliseconds
 * to load.
 */
export function onFirstUse<T>(pkg: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(pkg) as T);
}
