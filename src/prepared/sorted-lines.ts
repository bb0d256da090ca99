/**
 * Text lines sorted by a key that begins each line, in one buffer that is searched where it lies:
 * `[count: u32][line starts: u32 × (count + 1)][UTF-8 text]`. Opening it parses nothing, and
 * finding the lines of a key is a binary search over a few lines decoded on the way, so tables of
 * hundreds of thousands of words cost a file read, not a Map built at every start.
 */
export interface SortedLines {
  /** The lines that start with `prefix`, in the order they were given. */
  startingWith(prefix: string): string[];
}

/**
 * Encodes `lines` sorted by `keyOf(line)` (a prefix of the line, compared as JavaScript strings);
 * lines with the same key keep their order. A key must end with a character no key has inside
 * (e.g. a tab) so that lines of one key lie together.
 */
export function encodeSortedLines(lines: string[], keyOf: (line: string) => string): Buffer {
  const keyed = lines.map((line) => ({ line, key: keyOf(line) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const texts = keyed.map(({ line }) => Buffer.from(line));
  const header = new Uint32Array(keyed.length + 2);
  header[0] = keyed.length;
  texts.forEach((text, i) => (header[i + 2] = header[i + 1] + text.length));
  return Buffer.concat([Buffer.from(header.buffer), ...texts]);
}

export function openSortedLines(bytes: Buffer): SortedLines {
  const count = bytes.readUInt32LE(0);
  const textStart = 4 * (count + 2);
  const starts = (i: number) => bytes.readUInt32LE(4 * (i + 1));
  const line = (i: number) => bytes.toString('utf8', textStart + starts(i), textStart + starts(i + 1));
  return {
    startingWith(prefix) {
      let low = 0;
      let high = count;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (line(middle).slice(0, prefix.length) < prefix) low = middle + 1;
        else high = middle;
      }
      const found: string[] = [];
      for (let i = low; i < count && line(i).startsWith(prefix); i++) found.push(line(i));
      return found;
    },
  };
}
