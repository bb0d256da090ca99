import http from 'node:http';
import type { Telegraf } from 'telegraf';

/** Telegram's updates are a few kilobytes; anything near this is not from Telegram. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** How many times the limit a refused body may run on before its connection is cut. */
const DRAIN_FACTOR = 8;

export interface WebhookOptions {
  /** The public HTTPS address Telegram posts to (`WEBHOOK_URL`). */
  url: string;
  port: number;
  /** Sent by Telegram in `X-Telegram-Bot-Api-Secret-Token`; a request without it is refused (403). */
  secretToken: string;
  maxBodyBytes?: number;
}

export interface WebhookServer {
  close(): Promise<void>;
}

/**
 * Serves Telegram's webhook: a body over the limit is refused with 413 and not kept in memory, a
 * request without the secret with 403 (telegraf's check); then registers the address and secret
 * with setWebhook.
 */
export async function serveWebhook(bot: Telegraf, { url, port, secretToken, maxBodyBytes = WEBHOOK_BODY_LIMIT }: WebhookOptions): Promise<WebhookServer> {
  const { pathname } = new URL(url);
  const handle = bot.webhookCallback(pathname, { secretToken });
  // A body over the limit is read on and dropped, up to `DRAIN_FACTOR` times the limit, and answered 413 once
  // its sender has sent it: answering (and so closing) while it still writes made its write fail with
  // ECONNRESET before it saw the answer. A body longer still has its connection cut.
  const drainLimit = DRAIN_FACTOR * maxBodyBytes;
  const server = http.createServer((req, res) => {
    if (Number(req.headers['content-length'] ?? 0) > drainLimit) return req.destroy();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) return req.destroy();
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBodyBytes) return res.writeHead(413, { connection: 'close' }).end();
      Object.assign(req, { body: Buffer.concat(chunks) });
      void handle(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  await bot.telegram.setWebhook(url, { secret_token: secretToken });
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
