import type { Answerer } from '../../src/answer/answerer.js';
import type { Answer } from '../../src/answer/types.js';
import { loadLexicon } from '../../src/search/lexicon.js';
import { createQuestionReader, type Question, type ReaderParts } from '../../src/search/question.js';

const lexicon = loadLexicon();

/** Reads a question the way the answerer does (shipped lexicon), for tests of the search layer. */
export function readQuestion(text: string, cities: string[], coveredYears: ReadonlySet<number> = new Set(), parts: Partial<ReaderParts> = {}): Question {
  return createQuestionReader({ cities, coveredYears, lexicon, currentYear: 2026, ...parts })(text);
}

/** An answerer for bot tests that answers every question with `answer` and keeps no conversation. */
export function fakeAnswerer(answer: (question: string) => Promise<Answer>): Answerer {
  return { answer, answerTurn: async (question) => ({ answer: await answer(question), turn: null }), warm: async () => undefined };
}

export const UNDERSTOOD = { question: 'q', cities: [], years: [], contextUsed: false };
