import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '..', '..');

/**
 * Vitest global setup. The tests start the commands as `npm run` does, from dist/ (see `compiled` in
 * run-cli.ts). `npm test` builds dist/ before vitest; a run started another way after an edit to
 * src/ builds it here, so that no test runs code older than the source.
 */
export default function buildStaleDist(): void {
  const stale = staleSource('src');
  if (!stale) return;
  process.stderr.write(`dist/ is older than ${stale}: npm run build\n`);
  execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO, stdio: 'inherit' });
}

/** The first source file under `dir` (relative to the project) whose compiled file is missing or older. */
function staleSource(dir: string): string | undefined {
  for (const entry of readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const stale = staleSource(file);
      if (stale) return stale;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const output = path.join(REPO, 'dist', path.relative('src', file).replace(/\.ts$/, '.js'));
      if (!existsSync(output) || statSync(output).mtimeMs < statSync(path.join(REPO, file)).mtimeMs) return file;
    }
  }
  return undefined;
}
