import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * An index is a folder `index-<stamp>` under the index dir; the file `CURRENT` names the live
 * one. A new build is written into a fresh folder and becomes live only when `CURRENT` is
 * replaced by rename, so a crash at any point leaves the previous index intact.
 */
const POINTER = 'CURRENT';

export async function currentIndexFolder(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(path.join(indexDir, POINTER), 'utf8')).trim();
    return name ? path.join(indexDir, name) : null;
  } catch {
    return null;
  }
}

/** How often a reader looks at `CURRENT` for an index another process published. */
const WATCH_INTERVAL_MS = 1_000;

/** Calls `onChange` whenever `CURRENT` names another folder than when watching began (or than at the last call). */
export function watchCurrent(indexDir: string, onChange: () => void): () => Promise<void> {
  let seen: Promise<string | null> = currentIndexFolder(indexDir);
  const timer = setInterval(() => {
    seen = Promise.all([seen, currentIndexFolder(indexDir)]).then(([before, now]) => {
      if (now && now !== before) onChange();
      return now ?? before;
    });
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return async () => clearInterval(timer);
}

export async function newIndexFolder(indexDir: string): Promise<string> {
  await ensureIndexDir(indexDir);
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '');
  const folder = path.join(indexDir, `.building-${stamp}-${randomBytes(3).toString('hex')}`);
  await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('INDEX_DIR_UNUSABLE', { dir: indexDir, detail: error.code ?? error.message });
  });
  return folder;
}

/** Creates the index folder if needed; INDEX_DIR_UNUSABLE when it cannot be. */
export function ensureIndexDir(indexDir: string): Promise<void> {
  return makeFolders(indexDir);
}

/**
 * `mkdir -p` one level at a time. Node 20's `mkdir({ recursive: true })` never returns for a path
 * under /proc (it retries ENOENT forever at full CPU), so it is not used here.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    const kind = await stat(at).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => null);
    if (kind === 'file') throw new AppError('INDEX_DIR_UNUSABLE', { dir: folder, detail: `${at} is a file` });
    if (kind === 'folder' || at === path.dirname(at)) break;
    missing.unshift(at);
  }
  for (const at of missing) {
    await mkdir(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw new AppError('INDEX_DIR_UNUSABLE', { dir: folder, detail: `${error.code ?? error.message} creating ${at}` });
    });
  }
}

/**
 * Makes a fully written build folder the live index, then removes indexes older than the one it
 * replaces (a reader that opened that one a moment ago can still read it) and builds that a crashed
 * ingest left behind. Callers hold the build lock, so no other publish runs meanwhile.
 */
export async function publishIndexFolder(indexDir: string, buildFolder: string): Promise<string> {
  const finalName = path.basename(buildFolder).replace(/^\.building-/, 'index-');
  const previous = await currentIndexFolder(indexDir);
  await rename(buildFolder, path.join(indexDir, finalName));
  await writeFileAtomic(path.join(indexDir, POINTER), `${finalName}\n`);
  const keep = new Set([finalName, previous ? path.basename(previous) : '']);
  for (const entry of await readdir(indexDir)) {
    const full = path.join(indexDir, entry);
    const oldIndex = entry.startsWith('index-') && !keep.has(entry);
    // Under the build lock no other build is in progress: any build folder left was abandoned.
    const abandoned = entry.startsWith('.building-');
    if (oldIndex || abandoned) await rm(full, { recursive: true, force: true });
  }
  return path.join(indexDir, finalName);
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
