import type { Block } from './clean.js';
import { closesReview, sectionKindOf } from './sections.js';
import { splitSentences } from './sentences.js';
import type { ChunkingOptions, DocumentMeta, Passage, SectionKind, Sentence } from './types.js';

/**
 * Groups sentences into passages of `minChars`..`maxChars` characters. A passage never cuts a
 * sentence, never crosses a heading, and prefers to end where a paragraph ends.
 */
export function chunkBlocks(blocks: Block[], meta: DocumentMeta, options: ChunkingOptions): Omit<Passage, 'id'>[] {
  const passages: Omit<Passage, 'id'>[] = [];
  let section = meta.title;
  let sectionKind: SectionKind = 'review';
  let headingRun: string[] = [];
  let pending: Sentence[] = [];
  let nextRun = 0;

  const flush = () => {
    if (pending.length === 0) return;
    passages.push({
      docId: meta.id,
      section,
      sectionKind,
      text: joinSentences(pending),
      start: pending[0].start,
      end: pending[pending.length - 1].end,
      sentences: pending,
    });
    pending = [];
  };

  for (const block of blocks) {
    if (block.type === 'heading') {
      flush();
      headingRun.push(block.text);
      section = headingRun.slice(-2).join(' ');
      sectionKind = sectionKindOf(block.text, meta) ?? sectionKind;
      continue;
    }
    headingRun = [];
    if (lengthOf(pending) >= options.minChars) flush();
    // Paragraphs with only white space between them form one run, so a quote may span them.
    const sentences = splitSentences(block, block.joinsPrevious ? Math.max(nextRun - 1, 0) : nextRun);
    nextRun = (sentences.at(-1)?.run ?? nextRun) + 1;
    for (const sentence of sentences) {
      if (pending.length > 0 && lengthOf(pending) + sentence.text.length > options.maxChars) flush();
      pending.push(sentence);
    }
    if (sectionKind === 'review' && closesReview(block.text)) {
      flush();
      sectionKind = 'plan';
    }
  }
  flush();
  return passages;
}

const ENDS_SENTENCE = /[。！？；!?][”’」』）)]*$/;

/** Ends with sentence punctuation; a list item or a title line does not. */
export function endsSentence(sentence: Sentence): boolean {
  return ENDS_SENTENCE.test(sentence.text);
}

/** Sentences that end without sentence punctuation (list items, titles) keep a space between them. */
export function joinSentences(sentences: Sentence[]): string {
  return sentences.map((s, i) => (i > 0 && !endsSentence(sentences[i - 1]) ? ` ${s.text}` : s.text)).join('');
}

function lengthOf(sentences: Sentence[]): number {
  return sentences.reduce((sum, s) => sum + s.text.length, 0);
}
