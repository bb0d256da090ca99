/**
 * Text lines sorted by a key that begins each line, in one buffer that is searched where it lies:
 * `[count: u32][line starts: u32 × (count + 1)][UTF-8 text]`. Opening it parses nothing, and
 * finding the lines of a key is a binary search that compares bytes where they lie, decoding only
 * the lines found, so tables of hundreds of thousands of words cost a file read, not a Map built
 * at every start.
 */
export interface SortedLines {
  /** The lines that start with `prefix`, in the order they were given. */
  startingWith(prefix: string): string[];
}

/**
 * Encodes `lines` sorted by the UTF-8 bytes of `keyOf(line)` (a prefix of the line); lines with the
 * same key keep their order. A key must end with a character no key has inside (e.g. a tab) so
 * that lines of one key lie together.
 */
export function encodeSortedLines(lines: string[], keyOf: (line: string) => string): Buffer {
  const keyed = lines.map((line) => ({ text: Buffer.from(line), key: Buffer.from(keyOf(line)) }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  const header = new Uint32Array(keyed.length + 2);
  header[0] = keyed.length;
  keyed.forEach(({ text }, i) => (header[i + 2] = header[i + 1] + text.length));
  return Buffer.concat([Buffer.from(header.buffer), ...keyed.map(({ text }) => text)]);
}

export function openSortedLines(bytes: Buffer): SortedLines {
  const count = bytes.readUInt32LE(0);
  const textStart = 4 * (count + 2);
  const starts = (i: number) => textStart + bytes.readUInt32LE(4 * (i + 1));
  /** How line `i` compares with `prefix` over the prefix's length: below 0 before it, 0 starting with it. */
  const compare = (i: number, prefix: Buffer) => {
    const start = starts(i);
    const end = Math.min(start + prefix.length, starts(i + 1));
    for (let at = start; at < end; at++) if (bytes[at] !== prefix[at - start]) return bytes[at] - prefix[at - start];
    return end - start - prefix.length;
  };
  return {
    startingWith(text) {
      const prefix = Buffer.from(text);
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(middle, prefix) < 0) low = middle + 1;
        else high = middle;
      }
      const found: string[] = [];
      for (let i = low; i < count && compare(i, prefix) === 0; i++) found.push(bytes.toString('utf8', starts(i), starts(i + 1)));
      return found;
    },
  };
}
