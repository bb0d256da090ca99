import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKSUM_BYTES, passageChecksum } from '../../src/store/embedded/files.js';
import { openPassageRecords } from '../../src/store/embedded/records.js';
import type { StoredPassage } from '../../src/store/types.js';
import { tempDir } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

const passage = (id: number, text: string): StoredPassage => ({ id, docId: 'A', section: '一', sectionKind: 'plan', text, start: 0, end: text.length, sentences: [], years: [] });

describe('passage records written a report at a time', () => {
  it('reads the texts back in order, a batch at a time, and ends with the offsets and checksums of what it wrote', async () => {
    const file = path.join(dir.dir, 'passages.bin');
    const records = await openPassageRecords(file);
    // About 6 MB of records: read back in more than one read.
    const texts = Array.from({ length: 2500 }, (_, i) => `第${i}段：${'新建公园绿地'.repeat(130)}${i}个。`);
    for (const [id, text] of texts.entries()) await records.add(passage(id, text));

    const batches: string[][] = [];
    for await (const batch of records.texts(1000)) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(texts);

    const { offsets, checksums } = await records.close();
    const bytes = await readFile(file);
    expect(offsets).toHaveLength(texts.length + 1);
    expect(offsets[texts.length]).toBe(bytes.length);
    expect(checksums).toHaveLength(texts.length * CHECKSUM_BYTES);
    for (const id of [0, 1234, texts.length - 1]) {
      const record = bytes.subarray(offsets[id], offsets[id + 1]);
      expect(JSON.parse(record.toString('utf8'))).toEqual(passage(id, texts[id]));
      expect(checksums.subarray(id * CHECKSUM_BYTES, (id + 1) * CHECKSUM_BYTES)).toEqual(passageChecksum(record));
    }
  });
});
