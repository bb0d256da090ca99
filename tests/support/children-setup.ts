import { afterAll, afterEach } from 'vitest';
import { killFileChildren, killTestChildren } from './children.js';

// A setup file runs again for each test file, while a module the files import is loaded once per
// worker (the files of a worker share their modules): hooks registered in children.ts would cover
// only the first file.
afterEach(killTestChildren);
afterAll(killFileChildren);
