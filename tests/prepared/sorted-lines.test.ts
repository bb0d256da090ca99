import { describe, expect, it } from 'vitest';
import { encodeSortedLines, openSortedLines } from '../../src/prepared/sorted-lines.js';

const keyOf = (line: string) => line.slice(0, line.indexOf('\t') + 1);

describe('sorted lines', () => {
  const lines = ['太原\t1', 'tai yuan\t太原', '晋中\t0', 'tai yuan\t泰源', '𠀀字\t0', '太\t1', 'a\t2', '\t空'];
  const table = openSortedLines(encodeSortedLines(lines, keyOf));

  it('finds the lines of a key in the order they were given, whatever the script', () => {
    expect(table.startingWith('tai yuan\t')).toEqual(['tai yuan\t太原', 'tai yuan\t泰源']);
    expect(table.startingWith('太原\t')).toEqual(['太原\t1']);
    expect(table.startingWith('太\t')).toEqual(['太\t1']);
    expect(table.startingWith('𠀀字\t')).toEqual(['𠀀字\t0']);
    expect(table.startingWith('\t')).toEqual(['\t空']);
    for (const line of lines) expect(table.startingWith(keyOf(line))).toContain(line);
  });

  it('finds nothing for a key it does not hold, or for a prefix longer than every line', () => {
    expect(table.startingWith('太原市\t')).toEqual([]);
    expect(table.startingWith('晋\t')).toEqual([]);
    expect(table.startingWith('zzz\t')).toEqual([]);
    expect(table.startingWith('太原\t1 and more')).toEqual([]);
    expect(openSortedLines(encodeSortedLines([], keyOf)).startingWith('a\t')).toEqual([]);
  });
});
