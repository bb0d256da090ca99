import { Command } from 'commander';
import { createInterface } from 'node:readline';
import type { Answer } from '../answer/types.js';
import { isQuestionRejected } from '../errors.js';
import { EXIT, errorMessage, openAskContext, readConfig } from './context.js';
import { formatAnswer } from './format.js';

const program = new Command()
  .name('ask')
  .description('Answer a question about the reports with verbatim, cited quotes.')
  .argument('[question...]', 'the question; omit it and pipe questions on stdin, one per line, for JSONL output')
  .option('--json', 'print one JSON object instead of text')
  .addHelpText('after', '\nExit codes: 0 answered (found or not), 1 index/corpus failure, 2 unusable question.')
  .action(run);

async function run(words: string[], options: { json?: boolean }): Promise<void> {
  const question = words.join(' ');
  const batch = words.length === 0 && !process.stdin.isTTY;
  if (words.length === 0 && !batch) {
    program.outputHelp();
    process.exitCode = EXIT.badInput;
    return;
  }
  const note = (line: string) => process.stderr.write(`${line}\n`);
  const { answerer } = await openAskContext(readConfig(), note);

  if (!batch) {
    try {
      const answer = await answerer.answer(question);
      process.stdout.write(`${options.json ? JSON.stringify(answer) : formatAnswer(answer)}\n`);
    } catch (error) {
      if (!isQuestionRejected(error)) throw error;
      if (options.json) process.stdout.write(`${JSON.stringify(rejected(question, error.code, error.message))}\n`);
      else note(`error: ${error.message}`);
      process.exitCode = EXIT.badInput;
    }
    return;
  }

  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let result: object;
    try {
      result = await answerer.answer(line);
    } catch (error) {
      if (!isQuestionRejected(error)) throw error;
      result = rejected(line, error.code, error.message);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

/** The JSON shape for a question we could not use, so JSONL output keeps one line per input line. */
function rejected(question: string, code: string, message: string): Omit<Answer, 'mode' | 'timings'> & { error: string } {
  return { question: question.slice(0, 200), found: false, answer: message, citations: [], error: code };
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});
