import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/fixtures.js';

type Version = [number, number, number];

const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  return [major, minor, patch];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies an npm engines range made of `||`-joined `>=x`, `^x`, `x.x` (or `x.*`) terms. */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|\^)\s+/g, '$1')
      .split(/\s+/)
      .every((term) => {
        if (term === '' || term === '*') return true;
        if (term.startsWith('>=')) return compare(version, parse(term.slice(2))) >= 0;
        if (term.startsWith('^')) {
          const floor = parse(term.slice(1));
          return version[0] === floor[0] && compare(version, floor) >= 0;
        }
        if (/^\d+\.[x*]$/.test(term)) return version[0] === parse(term)[0];
        throw new Error(`unsupported engines term ${term}`);
      }),
  );
}

describe('Node engines', () => {
  it('every locked dependency supports the oldest Node the project declares', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    const oldest = parse(pkg.engines.node.replace(/^>=\s*/, ''));
    const lock = JSON.parse(await readFile(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: { node?: string } }> };
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines?.node && !satisfies(oldest, entry.engines.node))
      .map(([name, entry]) => `${name}@${entry.version}: ${entry.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
