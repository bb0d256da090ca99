import { open } from 'node:fs/promises';
import type { StoredPassage } from '../types.js';
import { CHECKSUM_BYTES, passageChecksum } from './files.js';
import { openPieceFile } from './piece-file.js';

/** Records read back at a time when the passages' texts are read for embedding. */
const READ_BACK_BYTES = 4 << 20;

/**
 * `passages.bin` as it is written: each passage a UTF-8 JSON record, appended as its report comes
 * in, with the records' byte offsets and checksums (`passageChecksum`) kept for `passages.idx`
 * and `passages.sum`. The texts are read back from the file for embedding, not held.
 */
export interface PassageRecords {
  add(passage: StoredPassage): Promise<void>;
  /** The texts of the passages added so far, in order, up to `size` at a time. */
  texts(size: number): AsyncIterable<string[]>;
  /** Closes the file; the byte offsets (one more than there are records) and the checksums. */
  close(): Promise<{ offsets: Float64Array; checksums: Buffer }>;
}

export async function openPassageRecords(file: string): Promise<PassageRecords> {
  const out = await openPieceFile(file);
  const offsets = [0];
  let checksums = Buffer.alloc(1024 * CHECKSUM_BYTES);
  return {
    async add(passage) {
      const record = Buffer.from(JSON.stringify(passage));
      const at = (offsets.length - 1) * CHECKSUM_BYTES;
      if (at + CHECKSUM_BYTES > checksums.length) checksums = Buffer.concat([checksums], checksums.length * 2);
      passageChecksum(record).copy(checksums, at);
      offsets.push(offsets[offsets.length - 1] + record.length);
      await out.write(record);
    },
    async *texts(size) {
      await out.flush();
      const input = await open(file, 'r');
      try {
        let batch: string[] = [];
        for (let from = 0; from < offsets.length - 1; ) {
          let to = from + 1;
          while (to < offsets.length - 1 && offsets[to + 1] - offsets[from] <= READ_BACK_BYTES) to++;
          const bytes = Buffer.alloc(offsets[to] - offsets[from]);
          await input.read(bytes, 0, bytes.length, offsets[from]);
          for (let id = from; id < to; id++) {
            batch.push((JSON.parse(bytes.toString('utf8', offsets[id] - offsets[from], offsets[id + 1] - offsets[from])) as StoredPassage).text);
            if (batch.length === size) {
              yield batch;
              batch = [];
            }
          }
          from = to;
        }
        if (batch.length > 0) yield batch;
      } finally {
        await input.close();
      }
    },
    async close() {
      await out.close();
      return { offsets: Float64Array.from(offsets), checksums: checksums.subarray(0, (offsets.length - 1) * CHECKSUM_BYTES) };
    },
  };
}
