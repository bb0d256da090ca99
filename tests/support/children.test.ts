import { describe, expect, it } from 'vitest';
import { spawnChild } from './children.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('children spawned by tests', () => {
  let pid = 0;

  it.fails('a test that fails after starting a long-running child', async () => {
    const child = spawnChild(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {});
    pid = child.pid!;
    await new Promise((resolve) => child.once('spawn', resolve));
    expect(alive(pid)).toBe(false);
  });

  it('the failed test’s child is killed after it', async () => {
    expect(pid).toBeGreaterThan(0);
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(pid)).toBe(false);
  });
});
