import { open } from 'node:fs/promises';

/** Pieces are gathered up to this many bytes and written with one call. */
const WRITE_BYTES = 4 << 20;

/**
 * A file written a piece at a time, a few megabytes per write: at ×1000 the passages and the
 * figures are each about 200 MB of JSON, and holding either whole (as a string and again as
 * bytes) was a peak of the build.
 */
export interface PieceFile {
  write(piece: Uint8Array): Promise<void>;
  /** Writes what is gathered, so that the file can be read back so far. */
  flush(): Promise<void>;
  /** Flushes and closes; closing again does nothing. */
  close(): Promise<void>;
}

export async function openPieceFile(file: string): Promise<PieceFile> {
  const out = await open(file, 'w');
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let closed = false;
  const flush = async () => {
    if (pending.length === 0) return;
    const bytes = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await out.write(bytes);
  };
  return {
    async write(piece) {
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= WRITE_BYTES) await flush();
    },
    flush,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await flush();
      } finally {
        await out.close();
      }
    },
  };
}

/** Writes `pieces`, one after another, into `file`. */
export async function writeInPieces(file: string, pieces: Iterable<Uint8Array>): Promise<void> {
  const out = await openPieceFile(file);
  try {
    for (const piece of pieces) await out.write(piece);
  } finally {
    await out.close();
  }
}
