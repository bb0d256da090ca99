import { expectationsFor, openApp, type App } from './app.js';
import type { Config } from './config.js';
import { createStore } from './store/create-store.js';
import { staleReason } from './store/manifest.js';
import { watchOutages } from './store/outage.js';

/** How long a replaced index stays open for answers still using it. */
const OLD_INDEX_GRACE_MS = 60_000;

export interface LiveAppEvents {
  /** One line for a person: rebuilds, the dense notice. */
  note: (line: string) => void;
  switched: (builtAt: string) => void;
  storeDown: (reason: string) => void;
  storeBack: (downForS: number) => void;
  /** A passage found damaged while answering: it was not quoted, and the index is rebuilt in the background. */
  damaged: (message: string) => void;
}

export interface LiveApp {
  /** The app on the index in use now. */
  readonly app: App;
  /** Opens the index again (after this process changed the corpus) and answers from it; one reopen at a time. */
  reopen(): Promise<App>;
  /** Tells of a failure; true when the database cannot be reached (the outage is then watched and said once). */
  failed(error: unknown): boolean;
  close(): Promise<void>;
}

/**
 * The app on the live index, following it: when any process publishes a newer index (CURRENT for
 * the embedded store, a notification for PostgreSQL), it is opened, warmed and switched to, and
 * the old one is closed a minute later (answers in flight finish on it). Also watches the
 * database for outages, saying when it goes away and comes back.
 */
export async function openLiveApp(config: Config, events: LiveAppEvents): Promise<LiveApp> {
  const onDamage = (message: string) => {
    events.damaged(message);
    reopen().catch((error: unknown) => events.note(`rebuilding a damaged index failed: ${(error as Error).message}`));
  };
  let app = await openApp(config, events.note, onDamage);
  const watcher = createStore(config);
  let reopening: Promise<App> = Promise.resolve(app);

  const reopen = () => {
    reopening = reopening
      .catch(() => app)
      .then(async () => {
        const opened = await openApp(config, events.note, onDamage);
        await opened.answerer.warm();
        const previous = app;
        app = opened;
        setTimeout(() => void previous.close(), OLD_INDEX_GRACE_MS).unref();
        return opened;
      });
    return reopening;
  };

  const followLive = async () => {
    const live = await watcher.readManifest();
    if (!live || live.builtAt === app.store.manifest.builtAt) return;
    // An index built from another corpus or other settings is not switched to: opening it would rebuild over it.
    if (staleReason(live, await expectationsFor(config))) return;
    const before = app.store.manifest.builtAt;
    await reopen();
    // Another publish may land while this one opens: say what was switched to, whichever it is.
    if (app.store.manifest.builtAt !== before) events.switched(app.store.manifest.builtAt);
  };
  let following = Promise.resolve();
  const follow = () => {
    following = following.then(followLive).catch((error: unknown) => void outages.failed(error));
  };

  const outages = watchOutages(() => watcher.readManifest(), {
    down: events.storeDown,
    back: (downForS) => {
      events.storeBack(downForS);
      follow();
    },
  });
  const stopWatching = watcher.watch(follow);

  return {
    get app() {
      return app;
    },
    reopen,
    failed: (error) => outages.failed(error),
    async close() {
      outages.stop();
      await stopWatching();
      await watcher.close();
      await app.close();
    },
  };
}

