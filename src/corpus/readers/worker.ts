import { parentPort } from 'node:worker_threads';
import { readReport } from './index.js';
import { unpackedSize } from './zip-size.js';
import type { ReadOutcome } from './types.js';

/** A file to read inside the sandbox worker, and how much text it may inflate to. */
export interface ReadRequest {
  name: string;
  bytes: Uint8Array;
  maxTextBytes: number;
}

/** What the worker answers: the reader's outcome, or that the text (or a Word file's parts) is over the limit. */
export type ReadReply = ReadOutcome | { ok: false; tooMuchText: true };

async function read({ name, bytes, maxTextBytes }: ReadRequest): Promise<ReadReply> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A Word file is a zip: its parts are sized before anything is inflated (a 1 MB file can hold 300 MB of XML).
  if (name.toLowerCase().endsWith('.docx') && (unpackedSize(buffer) ?? 0) > maxTextBytes) return { ok: false, tooMuchText: true };
  const outcome = await readReport(name, buffer);
  if (outcome.ok && Buffer.byteLength(outcome.report.text, 'utf8') > maxTextBytes) return { ok: false, tooMuchText: true };
  return outcome;
}

parentPort!.on('message', (request: ReadRequest) => {
  void read(request).then((reply) => parentPort!.postMessage(reply));
});
parentPort!.postMessage('ready');
