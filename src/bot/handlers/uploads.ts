import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Composer, type Context } from 'telegraf';
import { readerFor } from '../../corpus/readers/index.js';
import { escapeHtml } from '../format.js';
import type { BotServices } from '../services.js';
import { TEXT } from '../texts.js';

/** The Bot API lets bots download files up to this size. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * A report file (PDF, Word, HTML, text) sent in a private chat: an admin's is downloaded, added to
 * the corpus and the index rebuilt in the background while questions are answered from the
 * current one; the reply is the summary line. Anyone else gets a polite refusal. Other files go on
 * to the question handlers (a caption is a question).
 */
export function uploadHandlers({ library, outbox, tasks, logger }: BotServices, adminUserIds: number[]): Composer<Context> {
  const uploads = new Composer<Context>();
  uploads.on('document', async (ctx, next) => {
    const { document } = ctx.message;
    const name = document.file_name ?? 'report';
    if (ctx.chat.type !== 'private' || !readerFor(name)) return next();
    const reply = (text: string) => outbox.send(ctx.chat, escapeHtml(text), { replyTo: ctx.message.message_id });
    if (!library || !adminUserIds.includes(ctx.from.id)) return void (await reply(TEXT.uploadNotAllowed));
    if ((document.file_size ?? 0) > DOWNLOAD_LIMIT) return void (await reply(TEXT.uploadTooBig));
    await reply(TEXT.uploadReceived(name));
    tasks.run(async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'report-qa-upload-'));
      try {
        const link = await outbox.call(() => ctx.telegram.getFileLink(document.file_id));
        const response = await fetch(link);
        if (!response.ok) throw new Error(`download failed (${response.status})`);
        const file = path.join(folder, path.basename(name));
        await writeFile(file, Buffer.from(await response.arrayBuffer()));
        await reply(await library.add(file));
      } catch (error) {
        logger.error({ err: error, chat: ctx.chat.id }, 'adding an uploaded report failed');
        await reply(TEXT.uploadFailed(error instanceof Error ? error.message.split('\n')[0] : String(error))).catch(() => undefined);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  });
  return uploads;
}
