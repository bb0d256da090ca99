import type { Paragraph } from './clean.js';
import type { Sentence } from './types.js';

const SENTENCE_END = /[。！？；!?]/;
const CLOSING = /[”’」』）)]/;

/**
 * Splits a paragraph after 。！？； (keeping closing quotes with their sentence) and wherever
 * cleaning removed text, so every sentence is one contiguous stretch of the source file. A
 * removal also starts a new run (see `Sentence.run`), numbered on from `firstRun`.
 */
export function splitSentences(paragraph: Paragraph, firstRun: number): Sentence[] {
  const { text, offsets } = paragraph;
  const cuts = new Set(paragraph.breaks);
  const sentences: Sentence[] = [];
  let run = firstRun;
  let begin = 0;
  const emit = (end: number) => {
    const sentence = makeSentence(text, offsets, begin, end, run);
    if (sentence) sentences.push(sentence);
    begin = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (cuts.has(i) && i > begin) {
      emit(i);
      run++;
    }
    if (SENTENCE_END.test(text[i])) {
      let end = i + 1;
      while (end < text.length && CLOSING.test(text[end])) end++;
      emit(end);
      i = end - 1;
    }
  }
  if (begin < text.length) emit(text.length);
  return sentences;
}

function makeSentence(text: string, offsets: number[], begin: number, end: number, run: number): Sentence | null {
  while (begin < end && /\s/.test(text[begin])) begin++;
  while (end > begin && /\s/.test(text[end - 1])) end--;
  const slice = text.slice(begin, end);
  if (!/[\p{L}\p{N}]/u.test(slice)) return null;
  return { text: slice, start: offsets[begin], end: offsets[end - 1] + 1, run };
}
