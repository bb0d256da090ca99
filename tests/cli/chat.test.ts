import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChat } from '../../src/cli/chat.js';
import { createConversations } from '../../src/conversation/conversations.js';
import { createMemoryConversationStore } from '../../src/conversation/store.js';
import { lexicalAnswerer, lexicalIndexEnv } from '../support/lexical-context.js';
import { runCli } from '../support/run-cli.js';

let real: Awaited<ReturnType<typeof lexicalAnswerer>>;
beforeAll(async () => {
  real = await lexicalAnswerer();
});
afterAll(() => real.cleanup());

/** Types `lines` into the interactive mode through its line reader and returns what it printed. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d));
  const conversations = createConversations(real.answerer, createMemoryConversationStore());
  const done = runChat({ input, output, conversations, documents: real.store.documents, terminal: false });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe('npm run ask on a terminal', () => {
  it('is a conversation: a follow-up is read with the question before it, and says how', async () => {
    const printed = await chat(['太原在2024年谋定推进了多少项改革事项？', '那晋中呢？']);
    expect(printed).toContain('答：谋定推进301项改革事项');
    expect(printed).toContain('（按“晋中 2024年 改革事项”理解）');
    expect(printed).toMatch(/答：12项国省年度改革事项成效明显/);
  });

  it('starts over on /new, and answers /sources and /help', async () => {
    const printed = await chat(['太原在2024年谋定推进了多少项改革事项？', '/new', '那晋中呢？', '/sources', '/help']);
    expect(printed).toContain('好的，开始新的对话。');
    expect(printed.split('（按“').length).toBe(1);
    expect(printed).toContain('可查询的报告：\n• 太原市2024年政府工作报告（摘要）（太原 · 2024年）');
    expect(printed.match(/\/new 开始新的对话/g)?.length).toBe(2);
  });
});

describe('JSONL threads', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await lexicalIndexEnv();
  });

  it('shares context within a thread, keeps threads apart and plain lines independent, one line out per line in', async () => {
    const input = [
      JSON.stringify({ question: '太原在2024年谋定推进了多少项改革事项？', thread: 'a' }),
      JSON.stringify({ question: '2023年太原一共新增了多少个优质学位？', thread: 'b' }),
      '那晋中呢？',
      JSON.stringify({ question: '那晋中呢？', thread: 'a' }),
      JSON.stringify({ question: '2025年打算再新增多少？', thread: 'b' }),
    ].join('\n');
    const { code, stdout } = await runCli('ask', [], env, input);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers).toHaveLength(5);
    expect(answers[2].understood.contextUsed).toBe(false);
    expect(answers[3]).toMatchObject({ found: true, understood: { cities: ['晋中'], years: [2024], contextUsed: true } });
    expect(answers[3].answer).toContain('12项');
    expect(answers[4].understood).toMatchObject({ cities: ['太原'], years: [2025], contextUsed: true });
    expect(answers[4].answer).toMatch(/新增学位(2\.4万|2500)个/);
  });
});
