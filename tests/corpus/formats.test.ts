import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { cleanText } from '../../src/corpus/clean.js';
import { addReports } from '../../src/corpus/library.js';
import { ordinaryCharacters } from '../../src/corpus/readers/pdf.js';
import { ingest } from '../../src/ingest/ingest.js';
import { compactText } from '../../src/text/normalize.js';
import { readQuestionFile } from '../../src/eval/questions.js';
import { CORPUS_DIR, DEV_QUESTIONS, REPO, tempDir, testConfig } from '../support/fixtures.js';
import { lexicalAnswerer } from '../support/lexical-context.js';

const JINZHONG = 'jinzhong-2025-report-summary.txt';
const TITLE = '晋中市2025年政府工作报告（摘要）';
let QUESTIONS: string[];

let dir: Awaited<ReturnType<typeof tempDir>>;
let fromText: Map<string, string>;
let blocks: ReturnType<typeof cleanText>['blocks'];

beforeAll(async () => {
  dir = await tempDir();
  // Every dev question the Jinzhong report answers, asked of each format.
  QUESTIONS = (await readQuestionFile(DEV_QUESTIONS)).filter((q) => q.docs.length === 1 && q.docs[0] === 'JZ2025').map((q) => q.q);
  expect(QUESTIONS.length).toBeGreaterThanOrEqual(8);
  blocks = cleanText(await readFile(path.join(CORPUS_DIR, JINZHONG), 'utf8')).blocks;
  const real = await lexicalAnswerer();
  fromText = new Map();
  for (const q of QUESTIONS) fromText.set(q, (await real.answerer.answer(q)).citations[0].quote);
  await real.cleanup();
});
afterAll(() => dir.cleanup());

/** A saved report page: the report's paragraphs inside navigation, a share bar and a footer. */
function reportPage(): string {
  const body = blocks.map((b) => (b.type === 'heading' ? `<h2>${b.text}</h2>` : `<p>${b.text}</p>`)).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body>
    <nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/gov">政务公开</a></nav>
    <div class="share">分享到：微信 微博 QQ空间</div>
    <article><h1>${TITLE}</h1>${body}</article>
    <footer>主办单位：某某市人民政府办公室 版权所有 备案号：晋ICP备00000000号 联系电话：0354-0000000</footer>
  </body></html>`;
}

async function reportDocx(): Promise<Buffer> {
  const children = [new Paragraph({ text: TITLE, heading: HeadingLevel.HEADING_1 })];
  for (const b of blocks) children.push(new Paragraph(b.type === 'heading' ? { text: b.text, heading: HeadingLevel.HEADING_2 } : { text: b.text }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Adds one file to an empty corpus the way `npm run ingest -- add` does, builds, and asks the questions. */
async function askOf(name: string, bytes: Buffer) {
  const corpus = path.join(dir.dir, `corpus-${name}`);
  await mkdir(corpus, { recursive: true });
  const source = path.join(dir.dir, name);
  await writeFile(source, bytes);
  const [added] = await addReports(corpus, [source]);
  expect(added).toMatchObject({ added: true, meta: { city: '晋中', year: 2025 } });
  const config = testConfig(path.join(dir.dir, `index-${name}`), { CORPUS_DIR: corpus, DENSE: 'off' });
  await ingest(config);
  const app = await createApp(config);
  const answers = await Promise.all(QUESTIONS.map((q) => app.answerer.answer(q)));
  await app.close();
  return { added, answers };
}

describe('reports in their published formats', () => {
  it('a saved HTML page answers like the text file, from its main text only', async () => {
    const { added, answers } = await askOf('jinzhong.html', Buffer.from(reportPage()));
    expect(added.added && added.meta.title).toBe(TITLE);
    answers.forEach((a, i) => expect(compactText(a.citations[0].quote)).toBe(compactText(fromText.get(QUESTIONS[i])!)));
    expect(answers.flatMap((a) => a.citations).some((c) => /备案号|分享到/.test(c.passage))).toBe(false);
  });

  it('a Word file answers like the text file', async () => {
    const { added, answers } = await askOf('jinzhong.docx', await reportDocx());
    expect(added.added && added.meta.title).toBe(TITLE);
    answers.forEach((a, i) => expect(compactText(a.citations[0].quote)).toBe(compactText(fromText.get(QUESTIONS[i])!)));
  });

  it('a PDF printed by Chromium answers like the text file, citing the page', async () => {
    const pdf = await readFile(path.join(REPO, 'tests', 'fixtures', 'reports', 'jinzhong-2025.pdf'));
    const { answers } = await askOf('jinzhong.pdf', pdf);
    answers.forEach((a, i) => expect(compactText(a.citations[0].quote)).toBe(compactText(ordinaryCharacters(fromText.get(QUESTIONS[i])!))));
    for (const a of answers) expect(a.citations[0].page).toBeGreaterThanOrEqual(1);
    expect(new Set(answers.map((a) => a.citations[0].page)).size).toBeGreaterThan(1);
  });

  it('reads radical look-alikes that PDF fonts map glyphs to as ordinary characters', () => {
    expect(ordinaryCharacters('⻓治市2025年政府⼯作报告 … ⼈⺠政府')).toBe('长治市2025年政府工作报告 … 人民政府');
  });
});
