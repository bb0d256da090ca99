import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/fixtures.js';

const packageJson = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('the commands users run', () => {
  it('run the compiled JavaScript in dist/, which npm install builds', () => {
    expect(packageJson.scripts.prepare).toContain('npm run build');
    for (const name of ['ask', 'ingest', 'migrate', 'eval', 'bot', 'start']) {
      const [runner, entry] = packageJson.scripts[name].split(' ');
      expect(runner).toBe('node');
      expect(entry).toMatch(/^dist\/.*\.js$/);
      expect(existsSync(path.join(REPO, entry))).toBe(true);
    }
    expect(readFileSync(path.join(REPO, 'bin', 'report-qa.js'), 'utf8')).not.toContain('tsx');
  });

  it('find the project data from dist/ as from src/', async () => {
    const compiled = (await import(path.join(REPO, 'dist', 'search', 'lexicon.js'))) as { LEXICON_FILE: string };
    expect(compiled.LEXICON_FILE).toBe(path.join(REPO, 'data', 'lexicon.yaml'));
  });
});
