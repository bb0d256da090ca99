import path from 'node:path';
import { spawnChild } from './children.js';
import { REPO } from './fixtures.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What `npm run` starts for `src/<name>.ts`: its compiled JavaScript in dist/, which the global setup
 * (tests/support/compiled-setup.ts) keeps current. Starting the source through tsx instead cost about
 * a second of CPU a start, and the suite starts the commands some 80 times.
 */
export const compiled = (name: string): string => path.join('dist', `${name}.js`);

/** Runs `src/cli/<name>.ts` the way `npm run <name>` does, with the given env and stdin. */
export function runCli(name: string, args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return runCommand(process.execPath, [compiled(`cli/${name}`), ...args], env, stdin);
}

/** Runs a command in the project folder with the given env and stdin. */
export function runCommand(command: string, args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(command, args, {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
  });
}
