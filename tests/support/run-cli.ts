import path from 'node:path';
import { spawnChild } from './children.js';
import { REPO } from './fixtures.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli/<name>.ts` the way `npm run <name>` does, with the given env and stdin. */
export function runCli(name: string, args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return runCommand(process.execPath, ['--import', 'tsx', path.join('src', 'cli', `${name}.ts`), ...args], env, stdin);
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
