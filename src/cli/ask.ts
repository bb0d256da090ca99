import { Command } from 'commander';
import { rejectedAnswer, rejectionOf } from '../answer/sanitize.js';
import { createInterface } from 'node:readline';
import { createConversations } from '../conversation/conversations.js';
import { createMemoryConversationStore } from '../conversation/store.js';
import { runChat } from './chat.js';
import { openApp, readConfig } from '../app.js';
import { EXIT, errorMessage, exitOnUsageError } from './context.js';
import { writeChart } from './chart.js';
import { formatAnswer, formatExplanation } from './format.js';

const program = new Command()
  .name('ask')
  .description('Answer a question about the reports with verbatim, cited quotes.')
  .argument('[question...]', 'the question; omit it on a terminal for a conversation, or pipe questions on stdin (one per line) for JSONL output')
  .option('--json', 'print one JSON object instead of text')
  .option('--explain', 'show how the question was read, the candidate sentences and why it was answered or refused ("explain" in --json)')
  .option('--chart <file>', 'for an answer with a series of three figures or more, write a PNG chart of it to <file> (a text chart on stderr when none can be drawn)')
  .addHelpText(
    'after',
    [
      '',
      'A question that starts with "-" goes after "--": npm run -s ask -- -- "-5%是哪个指标？"',
      'JSONL input lines may be objects: {"question": "…", "thread": "t1"}; lines of one thread are one conversation.',
      'Exit codes: 0 answered (found or not), 1 index/corpus failure, 2 unusable question or usage.',
    ].join('\n'),
  )
  .action(run);
exitOnUsageError(program, 'a question that starts with "-" goes after "--": npm run -s ask -- -- "-5%是哪个指标？"');

async function run(words: string[], options: { json?: boolean; explain?: boolean; chart?: string }): Promise<void> {
  const note = (line: string) => process.stderr.write(`${line}\n`);
  const { answerer, store, mode } = await openApp(readConfig(), note);

  if (words.length > 0) {
    const answer = await answerer.answer(words.join(' '), { explain: options.explain });
    if (answer.error) process.exitCode = EXIT.badInput;
    if (options.json) process.stdout.write(`${JSON.stringify(answer)}\n`);
    else if (answer.error) note(`error: ${answer.answer}`);
    else process.stdout.write(`${formatAnswer(answer)}\n${answer.explain ? `\n${formatExplanation(answer.explain)}\n` : ''}`);
    if (options.chart) note(await writeChart(answer, options.chart));
    return;
  }

  const conversations = createConversations(answerer, createMemoryConversationStore());
  if (process.stdin.isTTY) {
    await answerer.warm();
    await runChat({ input: process.stdin, output: process.stdout, conversations, documents: store.documents, terminal: true });
    return;
  }

  // One output line per input line, blank ones included (they get a rejected line), in order.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const read = readLine(line);
    if (!read) {
      process.stdout.write(`${JSON.stringify(rejectedAnswer(line.slice(0, 200), rejectionOf('QUESTION_NOT_TEXT'), mode, 0))}\n`);
      continue;
    }
    const { question, thread } = read;
    const answer = thread === undefined ? await answerer.answer(question, { explain: options.explain }) : await conversations.ask(`thread:${thread}`, question);
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
}

/**
 * A JSONL input line: plain text, or {"question": "…", "thread": "t1"}. An object whose question
 * is not text, or whose thread is neither text nor a number, is no question (null).
 */
function readLine(line: string): { question: string; thread?: string } | null {
  if (!line.trimStart().startsWith('{')) return { question: line };
  let parsed: { question?: unknown; thread?: unknown };
  try {
    parsed = JSON.parse(line) as { question?: unknown; thread?: unknown };
  } catch {
    return { question: line };
  }
  const { question, thread } = parsed;
  if (typeof question !== 'string') return null;
  if (thread === undefined || thread === null) return { question };
  if (typeof thread !== 'string' && typeof thread !== 'number') return null;
  return { question, thread: String(thread) };
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`error: ${errorMessage(error)}\n`);
  process.exitCode = EXIT.failure;
});
