import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import { getCurrentTest } from 'vitest/suite';

/** Children started inside a test die after it; those started in `beforeAll` after their file. */
const byTest = new Set<ChildProcessWithoutNullStreams>();
const byFile = new Set<ChildProcessWithoutNullStreams>();

/** `spawn`, but the child is killed after the test (or the file) that started it, pass or fail. */
export function spawnChild(command: string, args: string[], options: SpawnOptionsWithoutStdio): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, options);
  // Not expect.getState().currentTestName: it keeps the last test's name after its file, for the next file's beforeAll.
  const owner = getCurrentTest() ? byTest : byFile;
  owner.add(child);
  child.once('close', () => owner.delete(child));
  return child;
}

/** Resolves when the child has written `text` to stderr; rejects if it exits first. No deadline: the test limit guards a hang. */
export function waitForStderr(child: ChildProcessWithoutNullStreams, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onData = (d: Buffer) => {
      stderr += d;
      if (stderr.includes(text)) {
        child.stderr.off('data', onData);
        resolve(stderr);
      }
    };
    child.stderr.on('data', onData);
    child.once('close', (code) => reject(new Error(`exited ${code} before writing "${text}": ${stderr}`)));
  });
}

function killAll(children: Set<ChildProcessWithoutNullStreams>): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}

/** Run after every test and after every file by children-setup.ts. */
export const killTestChildren = () => killAll(byTest);
export const killFileChildren = () => killAll(byFile);
