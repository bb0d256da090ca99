import { createInterface } from 'node:readline';
import type { Conversations } from '../conversation/conversations.js';
import { isAppError } from '../errors.js';
import type { StoredDocument } from '../store/types.js';
import { formatAnswer, formatSources } from './format.js';

export interface ChatParts {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  conversations: Conversations;
  documents: StoredDocument[];
  /** Line editing and history (a terminal), or plain lines (tests, pipes). */
  terminal: boolean;
}

const HELP = [
  '直接输入问题，回车提问；追问时可以只说变化的部分，例如“那晋中呢？”“2024年呢？”“具体有哪些？”。',
  '/new 开始新的对话 · /sources 查看报告 · /help 显示本说明 · Ctrl-D 退出',
].join('\n');

/** `npm run ask` on a terminal: a conversation, each question read with the context of the one before. */
export async function runChat({ input, output, conversations, documents, terminal }: ChatParts): Promise<void> {
  const lines = createInterface({ input, output, terminal, historySize: 200, prompt: '问> ' });
  const say = (text: string) => output.write(`${text}\n`);
  const key = 'cli';
  say(HELP);
  lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/new') {
      await conversations.reset(key);
      say('好的，开始新的对话。');
    } else if (text === '/sources') {
      say(formatSources(documents));
    } else if (text === '/help') {
      say(HELP);
    } else if (text !== '') {
      // While the database cannot be reached, each question says so; the next one tries again.
      const answer = await conversations.ask(key, text).catch((error: unknown) => {
        if (isAppError(error, 'STORE_UNAVAILABLE')) return error;
        throw error;
      });
      say(answer instanceof Error ? answer.message : formatAnswer(answer));
    }
    lines.prompt();
  }
  say('');
}
