import type { Answerer } from './answerer.js';
import { refusalMessage } from './reasons.js';
import type { Answer, Citation } from './types.js';

/** Whether a citation's quote still reads so in its report, at its offsets. */
export type QuoteCheck = (citation: Citation) => Promise<boolean>;

/**
 * An answerer whose answers quote only what the reports say: every citation is checked, and an
 * answer with a quote that fails is not shown (QUOTE_UNVERIFIED) and the failure is reported, so
 * the index it came from can be rebuilt.
 */
export function verbatimAnswerer(answerer: Answerer, check: QuoteCheck, onMismatch: (detail: string) => void): Answerer {
  const verified = async (answer: Answer): Promise<Answer> => {
    for (const citation of answer.citations) {
      if (await check(citation)) continue;
      onMismatch(`${citation.docId} no longer reads as quoted at ${citation.start}-${citation.end}`);
      const { answerSpan: _span, parts: _parts, explain: _explain, ...rest } = answer;
      return { ...rest, found: false, answer: refusalMessage({ code: 'QUOTE_UNVERIFIED' }), citations: [], reason: 'QUOTE_UNVERIFIED' };
    }
    return answer;
  };
  return {
    answer: async (question, options) => verified(await answerer.answer(question, options)),
    answerTurn: async (question, previous, options) => {
      const { answer, turn } = await answerer.answerTurn(question, previous, options);
      return { answer: await verified(answer), turn };
    },
    warm: () => answerer.warm(),
  };
}
