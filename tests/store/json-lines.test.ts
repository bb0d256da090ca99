import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonLines } from '../../src/store/embedded/json-lines.js';
import { tempDir } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

describe('a file of JSON lines', () => {
  it('reads back every value, lines that straddle its reads included', async () => {
    // About 9 MB: lines cross the 4 MB reads, and multi-byte characters with them.
    const values = Array.from({ length: 40_000 }, (_, i) => ({ i, sentence: `城镇新增就业${i}万人，“十四五”\n时期${'公园'.repeat(i % 50)}` }));
    const file = path.join(dir.dir, 'values.jsonl');
    await writeFile(file, values.map((v) => `${JSON.stringify(v)}\n`).join(''));
    expect(await readJsonLines(file)).toEqual(values);
  });

  it('reads an empty file as no values, and refuses one whose last line is cut off', async () => {
    const empty = path.join(dir.dir, 'empty.jsonl');
    await writeFile(empty, '');
    expect(await readJsonLines(empty)).toEqual([]);
    const cut = path.join(dir.dir, 'cut.jsonl');
    await writeFile(cut, '{"a":1}\n{"a":');
    await expect(readJsonLines(cut)).rejects.toThrow(/ends without a line break/);
  });
});
