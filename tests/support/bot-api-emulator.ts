/**
 * telegram-test-api on loopback, with the gaps the field notes list filled in: getUpdates
 * long-polls (so telegraf does not busy-loop), sendMessage enforces the 4096-character limit, and
 * sendChatAction / setMyCommands / setMyDescription / answerInlineQuery exist. sendMessage can be told to fail as
 * Telegram does: 429 with a retry_after, 5xx, a connection dropped after the message was stored,
 * or no answer at all.
 */
import { createRequire } from 'node:module';
import net from 'node:net';
import { TelegramServer, type StoredBotUpdate } from 'telegram-test-api/lib/telegramServer.js';

/** The slice of express that routes use (telegram-test-api ships no express types). */
interface Request {
  params: Record<string, string>;
  body?: Record<string, unknown>;
}
interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}
interface App {
  all(path: string, handler: (req: Request, res: Response, next: () => void) => void): void;
}

const require = createRequire(import.meta.url);
const { routes } = require('telegram-test-api/lib/routes/index.js') as { routes: Array<(app: App, server: TelegramServer) => void> };

const LONG_POLL_CAP_MS = 1000;
const state = new WeakMap<
  TelegramServer,
  {
    rejectSends: number;
    retryAfter: number;
    failSends: number;
    failStatus: number;
    dropSends: number;
    hangSends: number;
    hungSends: number;
    /** When set, only this bot token's sends meet the injected faults. */
    faultsFor?: string;
    tooManyRequests: number;
    serverErrors: number;
    droppedAfterStore: number;
    getUpdatesCalls: number;
    commands: unknown[];
    refusedTokens: Set<string>;
    files: Map<string, { path: string; bytes: Buffer }>;
  }
>();

function extraRoutes(app: App, server: TelegramServer): void {
  const stats = {
    rejectSends: 0,
    retryAfter: 1,
    failSends: 0,
    failStatus: 502,
    dropSends: 0,
    hangSends: 0,
    hungSends: 0,
    faultsFor: undefined as string | undefined,
    tooManyRequests: 0,
    serverErrors: 0,
    droppedAfterStore: 0,
    getUpdatesCalls: 0,
    commands: [] as unknown[],
    refusedTokens: new Set<string>(),
    files: new Map<string, { path: string; bytes: Buffer }>(),
  };
  state.set(server, stats);
  const ok = (res: Response, result: unknown = true) => res.json({ ok: true, result });
  app.all('/bot:token/*', (req, res, next) => {
    if (!stats.refusedTokens.has(req.params.token)) return next();
    res.status(401).json({ ok: false, error_code: 401, description: 'Unauthorized' });
  });
  app.all('/bot:token/getUpdates', async (req, res) => {
    stats.getUpdatesCalls++;
    const token = req.params.token;
    const timeoutMs = Math.min(Number(req.body?.timeout ?? 0) * 1000, LONG_POLL_CAP_MS);
    const hasUnread = () => server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
    if (!hasUnread() && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          for (const event of ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery']) server.off(event, done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        for (const event of ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery']) server.on(event, done);
        (res as unknown as { once: (event: 'close', listener: () => void) => void }).once('close', done);
      });
    }
    // A poll whose bot is gone (killed while it waited) must not take the updates the next process is to get.
    if ((req as unknown as { socket: net.Socket }).socket.destroyed) return;
    ok(res, server.getUpdates(token));
  });
  app.all('/bot:token/sendMessage', (req, res, next) => {
    // Another bot's message, sent meanwhile, must not take the fault a test set up for its own bot.
    const faulted = !stats.faultsFor || req.params.token === stats.faultsFor;
    // A request Telegram never answers: the response is held until the emulator stops.
    if (faulted && stats.hangSends > 0) {
      stats.hangSends--;
      stats.hungSends++;
      return;
    }
    if (faulted && stats.rejectSends > 0) {
      stats.rejectSends--;
      stats.tooManyRequests++;
      const retryAfter = stats.retryAfter;
      return void res.status(429).json({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    if (faulted && stats.failSends > 0) {
      stats.failSends--;
      stats.serverErrors++;
      return void res.status(stats.failStatus).json({ ok: false, error_code: stats.failStatus, description: 'Bad Gateway' });
    }
    const text = String(req.body?.text ?? '');
    if (text.length === 0) return void res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    if (text.length > 4096) return void res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    if (faulted && stats.dropSends > 0) {
      // The message is stored, then the connection breaks before the reply: the sender cannot know it arrived.
      stats.dropSends--;
      stats.droppedAfterStore++;
      (res as unknown as { sendResult: () => void }).sendResult = () => (req as unknown as { socket: net.Socket }).socket.destroy();
    }
    next();
  });
  app.all('/bot:token/sendChatAction', (_req, res) => ok(res));
  app.all('/bot:token/setMyCommands', (req, res) => {
    stats.commands.push(req.body?.commands);
    ok(res);
  });
  app.all('/bot:token/answerInlineQuery', (_req, res) => ok(res));
  for (const method of ['setMyDescription', 'setMyShortDescription']) app.all(`/bot:token/${method}`, (_req, res) => ok(res));
  app.all('/bot:token/getFile', (req, res) => {
    const id = String(req.body?.file_id ?? '');
    const file = stats.files.get(id);
    if (!file) return void res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
    ok(res, { file_id: id, file_unique_id: id, file_size: file.bytes.length, file_path: file.path });
  });
  app.all('/file/bot:token/*', (req, res) => {
    const wanted = (req as unknown as { path: string }).path.replace(/^\/file\/bot[^/]+\//, '');
    const file = [...stats.files.values()].find((f) => f.path === decodeURIComponent(wanted));
    if (!file) return void res.status(404).json({ ok: false, error_code: 404, description: 'Not Found' });
    (res as unknown as { end(body: Buffer): void }).end(file.bytes);
  });
}

if (!routes.includes(extraRoutes)) routes.unshift(extraRoutes);

export interface Emulator {
  server: TelegramServer;
  apiRoot: string;
  /** Answers the next n sendMessage calls with HTTP 429 and `retry_after` (seconds, 1 by default). */
  rejectNextSends(n: number, retryAfter?: number): void;
  /** Answers the next n sendMessage calls with a 5xx status (502 by default). */
  failNextSends(n: number, status?: number): void;
  /** Stores the next n messages sent, then drops the connection instead of replying. */
  dropNextSendsAfterStore(n: number): void;
  /** Never answers the next n sendMessage calls (a hung request). */
  hangNextSends(n: number): void;
  /** From now on the faults above hit only sends made with `token`. */
  faultsOnlyFor(token: string): void;
  /** Answers every call made with `token` with 401 Unauthorized, as Telegram does for a revoked token. */
  refuseToken(token: string): void;
  /** Makes a file downloadable through getFile and the file route, as if a user had sent it. */
  addFile(fileId: string, name: string, bytes: Buffer): void;
  stats(): { tooManyRequests: number; serverErrors: number; droppedAfterStore: number; hungSends: number; getUpdatesCalls: number; commands: unknown[] };
  botMessages(token: string, chatId: number): StoredBotUpdate['message'][];
  /** Waits until `chatId` has at least `count` bot messages. */
  waitForBotMessages(token: string, chatId: number, count: number, timeoutMs?: number): Promise<StoredBotUpdate['message'][]>;
  stop(): Promise<void>;
}

export async function startEmulator(): Promise<Emulator> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600_000 });
  await server.start();
  const botMessages = (token: string, chatId: number) =>
    server.storage.botMessages.filter((u) => u.botToken === token && String(u.message.chat_id) === String(chatId)).map((u) => u.message);
  return {
    server,
    apiRoot: server.config.apiURL,
    rejectNextSends: (n, retryAfter = 1) => void Object.assign(state.get(server)!, { rejectSends: n, retryAfter }),
    failNextSends: (n, status = 502) => void Object.assign(state.get(server)!, { failSends: n, failStatus: status }),
    dropNextSendsAfterStore: (n) => void (state.get(server)!.dropSends = n),
    hangNextSends: (n) => void (state.get(server)!.hangSends = n),
    faultsOnlyFor: (token) => void (state.get(server)!.faultsFor = token),
    refuseToken: (token) => void state.get(server)!.refusedTokens.add(token),
    addFile: (fileId, name, bytes) => void state.get(server)!.files.set(fileId, { path: `documents/${name}`, bytes }),
    stats: () => state.get(server)!,
    botMessages,
    async waitForBotMessages(token, chatId, count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (botMessages(token, chatId).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} bot message(s) in chat ${chatId}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return botMessages(token, chatId);
    },
    stop: () => server.stop().then(() => undefined),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
