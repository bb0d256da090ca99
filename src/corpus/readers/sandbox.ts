import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { ReadLimits } from '../../config.js';
import { AppError } from '../../errors.js';
import type { ReadOutcome } from './types.js';
import type { ReadReply, ReadRequest } from './worker.js';

/** Reads untrusted report files off the main thread; one file at a time, in order. */
export interface ReportSandbox {
  read(name: string, bytes: Buffer): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** Compiled (dist/) the worker is JavaScript beside this file; run from source it is TypeScript. */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER = new URL(COMPILED ? './worker.js' : './worker.ts', import.meta.url);
/**
 * From source, the worker registers tsx's loader before it imports the readers (a worker does not
 * inherit the loader of the thread that starts it).
 */
const BOOTSTRAP = COMPILED
  ? `import(${JSON.stringify(WORKER.href)})`
  : `import(${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER.href)}); })`;

/**
 * A worker thread with a capped heap (`memoryMb`) reads each file; a read that runs past
 * `timeoutMs` or out of memory ends that worker (the next read starts a fresh one) and is refused
 * with its reason code, so a hostile file costs neither the process nor its event loop.
 */
export function createReportSandbox(limits: ReadLimits): ReportSandbox {
  let worker: Promise<Worker> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Promise<Worker> => {
    const starting = new Promise<Worker>((resolve, reject) => {
      const started = new Worker(BOOTSTRAP, { eval: true, resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
      started.once('message', () => resolve(started));
      started.once('error', reject);
      // A worker that fails between reads is only forgotten (the next read starts another): its
      // error must not reach the process as an unhandled 'error' event.
      started.on('error', () => undefined);
      started.once('exit', () => {
        if (worker === starting) worker = null;
      });
    });
    return starting;
  };

  const stop = async () => {
    const stopping = worker;
    worker = null;
    if (stopping) await (await stopping.catch(() => null))?.terminate();
  };

  const readOne = async (name: string, bytes: Buffer): Promise<ReadOutcome> => {
    worker ??= start();
    const running = await worker.catch(() => null);
    if (!running) {
      worker = null;
      return { ok: false, reason: 'the reading worker could not start' };
    }
    running.ref();
    try {
      return await new Promise<ReadOutcome>((resolve) => {
        const done = (outcome: ReadOutcome) => {
          clearTimeout(timer);
          running.off('message', onReply);
          running.off('error', onError);
          running.off('exit', onExit);
          resolve(outcome);
        };
        const refuse = (outcome: ReadOutcome) => {
          void stop();
          done(outcome);
        };
        const onReply = (reply: ReadReply) =>
          done('tooMuchText' in reply ? refused(new AppError('REPORT_TEXT_TOO_LARGE', { limit: mb(limits.maxTextBytes) })) : reply);
        const onError = (error: NodeJS.ErrnoException) =>
          refuse(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refused(new AppError('REPORT_READ_MEMORY', { limit: limits.memoryMb })) : { ok: false, reason: `unreadable (${error.message.split('\n')[0]})` });
        const onExit = () => refuse({ ok: false, reason: 'unreadable (its reader stopped)' });
        const timer = setTimeout(() => refuse(refused(new AppError('REPORT_READ_TIMEOUT', { limit: limits.timeoutMs / 1000 }))), limits.timeoutMs);
        running.on('message', onReply);
        running.once('error', onError);
        running.once('exit', onExit);
        const request: ReadRequest = { name, bytes, maxTextBytes: limits.maxTextBytes };
        running.postMessage(request);
      });
    } finally {
      running.unref();
    }
  };

  return {
    read(name, bytes) {
      const next = queue.then(() => readOne(name, bytes));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      await stop();
    },
  };
}

function refused(error: AppError): ReadOutcome {
  return { ok: false, reason: error.message, code: error.code };
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
