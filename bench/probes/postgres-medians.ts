/**
 * Issue 22's "lexical and hybrid median within 2× the embedded store" at one size of the synthetic
 * corpus, with SIF sentence vectors for the dense half (no model, so ×1000 fits): the corpus
 * ingested into the embedded store once and into PostgreSQL twice (so the second version is
 * fresh), each opened hybrid and lexical (`DENSE=off` on the same index) and warmed. Then the dev
 * questions: a first hybrid round on each (PostgreSQL's the first after the re-ingest), then three
 * later rounds in which embedded and PostgreSQL alternate, hybrid then lexical, so a change in the
 * machine's load falls on both; then a first round in an app opened afresh on the same (no longer
 * new) version, and a re-ingest seen by a running process (a third version, an app opened and
 * warmed on it as a replica following the live index does: its first round against its later
 * ones). Also counts PostgreSQL statements per question and the stages' medians. Args:
 * copies, work folder, database URL. Prints one JSON object.
 */
import path from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { ingest } from '../../src/ingest/ingest.js';
import { CORPUS_DIR, DEV_QUESTIONS } from '../../tests/support/fixtures.js';
import { writeSyntheticCorpus } from '../synthetic.js';
import { median, round } from '../stats.js';

/** Statements sent to the server, counted by the client class every pool connection is. */
let statements = 0;
const send = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (send as (...a: unknown[]) => unknown).apply(this, args);
} as typeof send;

const STAGES = ['embedMs', 'denseMs', 'lexicalMs', 'fusionMs', 'totalMs'] as const;

interface Side {
  app: App;
  times: Record<(typeof STAGES)[number], number[]>;
  statements: number;
}

async function main(): Promise<void> {
  const [copiesArg, workDir, databaseUrl] = process.argv.slice(2);
  const copies = Number(copiesArg);
  const corpusDir = path.join(workDir, 'corpus');
  await writeSyntheticCorpus(CORPUS_DIR, corpusDir, copies);
  const questions = (await readQuestionFile(DEV_QUESTIONS)).map((q) => q.q);
  const env = { CORPUS_DIR: corpusDir, INDEX_DIR: path.join(workDir, 'index'), DENSE_FALLBACK: 'sif', ALLOW_REMOTE_MODELS: 'false', MODELS_DIR: path.join(workDir, 'no-models') };
  const configs = { embedded: loadConfig(env), postgres: loadConfig({ ...env, STORE: 'postgres', DATABASE_URL: databaseUrl }) };

  const ingestS: Record<string, number> = {};
  const built = async (name: keyof typeof configs, publishes: number) => {
    const started = performance.now();
    for (let i = 0; i < publishes; i++) await ingest(configs[name]);
    ingestS[name] = round((performance.now() - started) / 1000 / publishes, 1);
  };
  const open = async (config: Config): Promise<Side> => {
    const app = await createApp(config);
    await app.answerer.warm();
    return { app, times: Object.fromEntries(STAGES.map((s) => [s, []])) as unknown as Side['times'], statements: 0 };
  };
  await built('embedded', 1);
  await built('postgres', 2);
  const sides = {
    embeddedHybrid: await open(configs.embedded),
    postgresHybrid: await open(configs.postgres),
    embeddedLexical: await open({ ...configs.embedded, dense: false }),
    postgresLexical: await open({ ...configs.postgres, dense: false }),
  };
  if (sides.postgresHybrid.app.mode !== 'hybrid' || sides.embeddedHybrid.app.mode !== 'hybrid') throw new Error('the SIF index was not opened hybrid');

  const ask = async (side: Side, record: boolean) => {
    const times: number[] = [];
    const before = statements;
    for (const q of questions) {
      const { timings } = await side.app.answerer.answer(q);
      times.push(timings.totalMs);
      if (record) for (const s of STAGES) side.times[s].push(timings[s] ?? 0);
    }
    if (record) side.statements += statements - before;
    return times;
  };
  const embeddedFirst = await ask(sides.embeddedHybrid, false);
  const postgresFirst = await ask(sides.postgresHybrid, false);
  for (let r = 0; r < 3; r++) for (const side of Object.values(sides)) await ask(side, true);
  // The same first round in another app opened now, on the version the rounds above have read: what
  // a freshly opened app costs on its own, apart from the version being new.
  const reopened = await open(configs.postgres);
  const reopenedFirst = await ask(reopened, false);
  await reopened.app.close();
  // A running process's view of a re-ingest, as a bot replica following the live index has it: a
  // third version published from this process, then an app opened and warmed on it (what
  // openLiveApp does on a switch) answers its first round, then three more.
  await built('postgres', 1);
  const following = await open(configs.postgres);
  const followingFirst = await ask(following, false);
  for (let r = 0; r < 3; r++) await ask(following, true);
  await following.app.close();

  const summary = (side: Side) => ({
    laterMedianMs: round(median(side.times.totalMs), 2),
    stageMedianMs: Object.fromEntries(STAGES.slice(0, -1).map((s) => [s, round(median(side.times[s]), 3)])),
    statementsPerQuestion: round(side.statements / side.times.totalMs.length, 2),
  });
  const ratio = (a: Side, b: Side) => round(median(a.times.totalMs) / median(b.times.totalMs), 2);
  const result = {
    copies,
    passages: sides.postgresHybrid.app.store.terms.passageCount,
    ingestS,
    hybrid: { embedded: summary(sides.embeddedHybrid), postgres: summary(sides.postgresHybrid), ratio: ratio(sides.postgresHybrid, sides.embeddedHybrid) },
    lexical: { embedded: summary(sides.embeddedLexical), postgres: summary(sides.postgresLexical), ratio: ratio(sides.postgresLexical, sides.embeddedLexical) },
    firstRound: {
      embeddedMedianMs: round(median(embeddedFirst), 2),
      postgresMedianMs: round(median(postgresFirst), 2),
      postgresFirstOverLater: round(median(postgresFirst) / median(sides.postgresHybrid.times.totalMs), 2),
      postgresReopenedMedianMs: round(median(reopenedFirst), 2),
      postgresFirstOverReopened: round(median(postgresFirst) / median(reopenedFirst), 2),
    },
    runningProcess: {
      firstAfterReingestMedianMs: round(median(followingFirst), 2),
      laterMedianMs: round(median(following.times.totalMs), 2),
      firstOverLater: round(median(followingFirst) / median(following.times.totalMs), 2),
    },
  };
  for (const side of Object.values(sides)) await side.app.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
