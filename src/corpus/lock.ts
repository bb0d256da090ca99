import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { withLock } from '../store/lock.js';
import { MANIFEST_FILE } from './manifest.js';

/**
 * One writer at a time in a corpus folder: `ingest add`, `remove`, `set`, the bot's upload, and
 * every build while it reads the folder (so that it reads one state), hold `manifest.json.lock`
 * inside it, so no add is lost and no removed entry comes back. A folder this process cannot write
 * has no writer here: a build reads it without the lock.
 */
export async function withCorpusLock<T>(corpusDir: string, task: () => Promise<T>): Promise<T> {
  const writable = await access(corpusDir, constants.W_OK).then(() => true, () => false);
  return writable ? withLock(path.join(corpusDir, MANIFEST_FILE), task) : task();
}
