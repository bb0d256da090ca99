import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { ingest } from '../ingest/ingest.js';
import { denseOffNotice } from '../ingest/open.js';
import { EXIT, errorMessage, exitOnUsageError, readConfig } from './context.js';

const program = new Command()
  .name('ingest')
  .description('Clean and chunk the reports in the corpus folder, embed them and write the indexes.')
  .option('--lexical', 'skip the embedding model and build the lexical index only')
  .action(run);
exitOnUsageError(program, 'see npm run -s ingest -- --help');

async function run(options: { lexical?: boolean }): Promise<void> {
  const config = readConfig();
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'Embedding {bar} {value}/{total} passages · {eta_formatted} left', stream: process.stderr }, Presets.shades_classic)
    : null;
  const result = await ingest(config, {
    ...(options.lexical ? { embedder: null } : {}),
    onEmbedStart: (total) => bar?.start(total, 0),
    onEmbedProgress: (done) => bar?.update(done),
  });
  bar?.stop();
  const { manifest } = result.store;
  const t = result.timings;
  console.log(
    `Indexed ${manifest.counts.documents} reports, ${manifest.counts.passages} passages in ${t.totalMs} ms ` +
      `(clean+chunk ${t.corpusMs} ms, lexical ${t.lexicalMs} ms, embed ${t.embedMs} ms, HNSW ${t.hnswMs} ms, write ${t.writeMs} ms) -> ${config.indexDir}`,
  );
  if (manifest.dense) {
    console.log(`Dense retrieval on: ${manifest.dense.model} (${manifest.dense.dtype}, ${manifest.dense.dimension}-d, ${manifest.dense.pooling} pooling).`);
  } else if (result.denseOffReason && config.dense && !options.lexical) {
    process.stderr.write(`${denseOffNotice(result.denseOffReason)}\n`);
  }
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});
