import { Command } from 'commander';
import { createInterface } from 'node:readline';
import { EXIT, errorMessage, exitOnUsageError, openAskContext, readConfig } from './context.js';
import { formatAnswer } from './format.js';

const program = new Command()
  .name('ask')
  .description('Answer a question about the reports with verbatim, cited quotes.')
  .argument('[question...]', 'the question; omit it and pipe questions on stdin, one per line, for JSONL output')
  .option('--json', 'print one JSON object instead of text')
  .addHelpText('after', '\nA question that starts with "-" goes after "--": npm run -s ask -- -- "-5%是哪个指标？"\nExit codes: 0 answered (found or not), 1 index/corpus failure, 2 unusable question or usage.')
  .action(run);
exitOnUsageError(program, 'a question that starts with "-" goes after "--": npm run -s ask -- -- "-5%是哪个指标？"');

async function run(words: string[], options: { json?: boolean }): Promise<void> {
  const batch = words.length === 0 && !process.stdin.isTTY;
  if (words.length === 0 && !batch) {
    program.outputHelp();
    process.exitCode = EXIT.badInput;
    return;
  }
  const note = (line: string) => process.stderr.write(`${line}\n`);
  const { answerer } = await openAskContext(readConfig(), note);

  if (!batch) {
    const answer = await answerer.answer(words.join(' '));
    if (answer.error) process.exitCode = EXIT.badInput;
    if (options.json) process.stdout.write(`${JSON.stringify(answer)}\n`);
    else if (answer.error) note(`error: ${answer.answer}`);
    else process.stdout.write(`${formatAnswer(answer)}\n`);
    return;
  }

  // One output line per input line, blank ones included (they get a rejected line), in order.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(await answerer.answer(line))}\n`);
  }
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});
