import { constants, lstatSync, type Stats } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ReadLimits } from '../config.js';
import { AppError, type ErrorCode } from '../errors.js';
import { readerFor } from './readers/index.js';
import type { ReportSandbox } from './readers/sandbox.js';
import type { ReadOutcome } from './readers/types.js';

/** A file of the corpus folder that is not read, why, and the reason's code when it has one. */
export interface SkippedFile {
  file: string;
  reason: string;
  code?: ErrorCode;
}

/**
 * The reports of a corpus folder: regular files (not followed through links) whose extension a
 * reader knows, sorted. A symbolic link or a folder named like a report is skipped with a reason,
 * so a link to `.env` is never read and a dangling one stops nothing.
 */
export async function listReportFiles(corpusDir: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const entries = await readdir(corpusDir, { withFileTypes: true });
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of entries.filter((e) => readerFor(e.name) !== undefined).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.isFile()) files.push(entry.name);
    else skipped.push({ file: entry.name, reason: notRegular(entry), code: 'REPORT_NOT_A_FILE' });
  }
  return { files, skipped };
}

const LINK = 'a symbolic link (links are not followed: copy the report into the folder)';
const FOLDER = 'a folder, not a report file';
const OTHER = 'not a regular file';

function notRegular(entry: { isSymbolicLink(): boolean; isDirectory(): boolean }): string {
  return entry.isSymbolicLink() ? LINK : entry.isDirectory() ? FOLDER : OTHER;
}

/**
 * A manifest `file` must name a file directly inside the corpus folder: no folders, no `..`, no
 * absolute path, so no entry can reach (or let `remove` delete) anything outside it.
 */
export function isPlainFileName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\\') && !path.isAbsolute(name) && !name.includes('\0');
}

/** The path of a file inside the corpus folder, or null when the name would lead outside it. */
export function insideCorpus(corpusDir: string, name: string): string | null {
  if (!isPlainFileName(name)) return null;
  const full = path.resolve(corpusDir, name);
  return path.dirname(full) === path.resolve(corpusDir) ? full : null;
}

/** What says a file changed: its size, modification time, and change time (which `touch -r` cannot put back). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/**
 * The stamp of a regular file, not followed through a link; null otherwise. Synchronous: file
 * metadata comes from the kernel's cache in microseconds, while a promise per file cost a tenth of
 * a millisecond of CPU each (0.6 s to fingerprint 5,000 reports, 0.4 ms per answer's source check).
 */
export function fileStamp(file: string): FileStamp | null {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  return stats?.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs } : null;
}

/**
 * The bytes of a regular file, opened without following a link (one swapped for a link after
 * listing is refused too), when it is no larger than `maxFileBytes` (checked before a byte is read).
 */
export async function readRegularFile(file: string, limits: ReadLimits): Promise<{ ok: true; bytes: Buffer } | Extract<ReadOutcome, { ok: false }>> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => error);
  if (!('stat' in handle)) {
    if (handle.code === 'ENOENT') return { ok: false, reason: 'file not found' };
    return refused('REPORT_NOT_A_FILE', { detail: handle.code === 'ELOOP' ? LINK : `unreadable (${handle.code ?? handle.message})` });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return refused('REPORT_NOT_A_FILE', { detail: stats.isDirectory() ? FOLDER : OTHER });
    if (stats.size > limits.maxFileBytes) return refused('REPORT_TOO_LARGE', { size: (stats.size / MB).toFixed(1), limit: Math.round(limits.maxFileBytes / MB) });
    return { ok: true, bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** Reads a report file (see `readRegularFile`) in the sandbox. */
export async function readReportFile(file: string, sandbox: ReportSandbox, limits: ReadLimits): Promise<ReadOutcome> {
  const read = await readRegularFile(file, limits);
  return read.ok ? sandbox.read(path.basename(file), read.bytes) : read;
}

const MB = 1024 * 1024;

function refused(code: ErrorCode, params: Record<string, string | number>): Extract<ReadOutcome, { ok: false }> {
  return { ok: false, reason: new AppError(code, params).message, code };
}
