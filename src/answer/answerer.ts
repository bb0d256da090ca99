import type { pinyin as pinyinOf } from 'pinyin-pro';
import type { Config } from '../config.js';
import { continueFrom, describeReading, namesThing, namesTopic, standsAlone, turnOf, withTopicOf, type Turn } from '../search/followup.js';
import { ASKS_AMOUNT, asksProgress, focusOf, pairedTopics, toldPlanThenProgress } from '../search/focus.js';
import { loadLexicon, type Lexicon } from '../search/lexicon.js';
import { YEAR, type Concept } from '../search/concepts.js';
import { createEnglishReader, isEnglish, type EnglishReader } from '../search/english.js';
import { englishPlaces } from '../search/english-places.js';
import { createQuestionReader, withEnglishConcepts, type Question, type QuestionReader, type ReaderParts } from '../search/question.js';
import type { Searcher } from '../search/searcher.js';
import { createReportWords, type ReportWords } from '../search/report-words.js';
import { createSpellingFixer } from '../search/spelling.js';
import { createNeighbourFinder, type WordVectors } from '../search/word-vectors.js';
import { createShortForms } from '../search/short-forms.js';
import { COUNTIES } from '../corpus/places.js';
import { onFirstUse } from '../on-first-use.js';
import type { Store } from '../store/types.js';
import { openDictionaryTables } from '../text/dictionary.js';
import { segmenter } from '../text/tokenize.js';
import { answerText, explanation, leadSpan, withSpans } from './compose.js';
import { corpusAsk } from './corpus.js';
import { rephrasingsOf } from './rephrase.js';
import { rejectedAnswer, sanitizeQuestion } from './sanitize.js';
import { ANSWER_TUNING, type AnswerTuning } from './settings.js';
import { createFiguresStrategy } from './figures-strategy.js';
import { createStrategies, inParts, type LabelledSolution, type Solution, type Timings } from './strategies.js';
import type { Answer, Citation } from './types.js';
import { createConceptWeight } from './weights.js';
import { createPlaceTermCheck } from './described-places.js';

export interface Answerer {
  /** Never throws for bad input: an unusable question gives `found: false` with `error` set. */
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  /**
   * One turn of a conversation: `previous` is what the last turn left (see `Turn`); the returned
   * turn is what the next question may lean on (`null` for an unusable question).
   */
  answerTurn(question: string, previous?: Turn, options?: AnswerOptions): Promise<{ answer: Answer; turn: Turn | null }>;
  /**
   * Loads everything a question may need (word vectors, the report words typing slips are checked
   * against, report words by pinyin, the English glossary and the dictionaries the readers use), so
   * the first answer is as fast as later ones. Surfaces call it before they say they are ready.
   */
  warm(): Promise<void>;
}

/** How many rephrasings a not-found answer offers. */
const REPHRASINGS = 2;

export interface AnswerOptions {
  /** Attach the decision trace (`Answer.explain`). */
  explain?: boolean;
}

export interface AnswererParts {
  store: Store;
  searcher: Searcher;
  settings: Config['answer'];
  /** Everyday words -> report words; the shipped `data/lexicon.yaml` by default. */
  lexicon?: Lexicon;
  /**
   * General word vectors, for words the reports never use (see `word-vectors.ts`); loaded when the
   * first question comes. None (null, or absent) leaves such words to the lexicon alone.
   */
  wordVectors?: () => Promise<WordVectors | null>;
  /** The clock, for 今年/去年/明年 (and nothing else); tests pin it. */
  now?: () => Date;
  /** The numbers that decide answers; `ANSWER_TUNING` by default. */
  tuning?: AnswerTuning;
  /** Told each time something is loaded on first use (tests count these). */
  onLoad?: (what: 'word vectors' | 'report words' | 'report words by pinyin') => void;
}

/** 后来, 最后: a part that goes on from the one before, whatever it names besides. */
const GOES_ON = /^(?:那?后来|最后|最终|结果|之后)/;
/** "还有…？", "另外…？": a part that opens as one more question. */
const ANOTHER_QUESTION = /^(?:还有|另外|此外|再问|顺便|顺带|其次|第二|二是)/;
/** 这事, 此事, 那件事: pointing back at what was told before. */
const POINTS_BACK = /[这此那](?:件)?事|[这那]个事/;
/** A part as its answer is labelled: without its question mark, nor the word that joins it to the part before (还有，另外). */
const questionLabel = (part: string) =>
  part
    .replace(/[?？；;，,。\s]+$/, '')
    .replace(/^(?:还有|另外|再有|再问|顺便问下|顺便问一下|以及|[一二三四五]是|第[一二三四五]|首先|其次)[，,、：:\s]*/, '');
/**
 * Where an English message asks a second question: "How big was X's economy in 2024, and where did it
 * rank?", "…last year? How many did it plan for this year?".
 */
const ENGLISH_PARTS = /,?\s+and\s+(?=(?:how|what|where|which|when|who|whose|did|does|do|is|are|was|were|has|have|will)\b)|(?<=\?)\s+(?=\S)/i;
/** it, its, they: an English part pointing back at the topic of the part before. */
const POINTS_BACK_IN_ENGLISH = /\b(?:it|its|they|their|them)\b/i;
/** Words for the present: a time of a part's own. */
const NOW = /现在|目前|如今|眼下|当前/;

export function createAnswerer({ store, searcher, settings, lexicon = loadLexicon(), wordVectors, now = () => new Date(), tuning = ANSWER_TUNING, onLoad }: AnswererParts): Answerer {
  segmenter();
  const documents = new Map(store.documents.map((d) => [d.id, d]));
  const cities = [...new Set(store.documents.map((d) => d.city).filter(Boolean))];
  const places = [...cities, ...cities.flatMap((c) => COUNTIES[c] ?? [])];
  const knows = (term: string) => store.terms.documentFrequency(term) > 0;
  let words: ReportWords | undefined;
  /** The words the reports use, opened on the first question that might hold a typing slip. */
  const reportWords = () => {
    if (!words) onLoad?.('report words');
    return (words ??= createReportWords(knows, lexicon.reportTerms(), (term) => store.terms.documentFrequency(term)));
  };
  const readerParts = {
    knows,
    shortForms: createShortForms(() => [...store.terms.terms(), ...lexicon.reportTerms()], (word) => reportWords().has(word)),
    cities,
    reportPlaces: store.documents.map((d) => ({ name: d.city, level: d.level ?? 'city' })),
    coveredYears: new Set(store.documents.flatMap((d) => [d.year, d.reviews])),
    lexicon,
    currentYear: () => now().getFullYear(),
    reportYears: (places: string[]) => store.documents.filter((d) => places.length === 0 || places.includes(d.city)).map((d) => d.year),
    fixSpelling: createSpellingFixer({
      places,
      knows: (word) => reportWords().has(word),
      termSounding: (sound, typed) => reportWords().termSounding(sound, typed),
      meant: (word) => lexicon.termsFor(word).length > 0 || lexicon.frame.has(word),
      saidIn: (text) => store.terms.documentFrequency(text),
    }),
  };
  let parts: ReaderParts = readerParts;
  let read: QuestionReader = createQuestionReader(parts);
  let readerWithVectors: Promise<void> | undefined;
  /** Gives the reader the word vectors' neighbours, once. */
  const loadVectors = () =>
    (readerWithVectors ??= (onLoad?.('word vectors'), wordVectors?.() ?? Promise.resolve(null)).then((vectors) => {
      if (!vectors) return;
      const vocabulary = [...store.terms.terms()].filter((t) => /^[\u3400-\u9fff]{2,8}$/.test(t));
      parts = { ...readerParts, neighbours: createNeighbourFinder(vectors, vocabulary), knows: (word) => knows(word) || vectors.vector(word) !== undefined };
      read = createQuestionReader(parts);
    }));
  /**
   * Reads a Chinese question; the first one with a word the reports never use (even one the lexicon
   * renders in report words: 大医院) loads the word vectors and is read again with them, so that its
   * reading does not depend on which questions came before. A question in the reports' own words never waits for the file.
   */
  const readChinese = async (text: string): Promise<Question> => {
    const first = read(text);
    if (readerWithVectors || !first.concepts.some((c) => (c.kind === 'word' || c.kind === 'phrase') && !knows(c.label))) return withPlaceTerms(text, first);
    await loadVectors();
    return withPlaceTerms(text, read(text));
  };
  const placeSays = createPlaceTermCheck(store, tuning.placeTermPassages);
  /** The question read again without the described terms no report of its places says (see `createPlaceTermCheck`). */
  const withPlaceTerms = async (text: string, question: Question): Promise<Question> => {
    if (question.cities.length === 0) return question;
    const described = question.concepts.filter((c) => c.sides !== undefined);
    const saidHere = async (c: Concept) => (await Promise.all(c.variants.map((v) => placeSays(v, question.cities)))).some(Boolean);
    const foreign = new Set((await Promise.all(described.map(async (c) => ((await saidHere(c)) ? '' : c.label)))).filter(Boolean));
    if (foreign.size === 0) return question;
    const ownLexicon: Lexicon = { ...parts.lexicon, described: (t, w) => parts.lexicon.described(t, w).filter((m) => !foreign.has(m.term)) };
    const reread = createQuestionReader({ ...parts, lexicon: ownLexicon })(text);
    const note = { step: 'lexicon', did: `${[...foreign].join('、')}: no report of ${question.cities.join('、')} says it; read in the question's words` } as const;
    return { ...reread, trace: [...reread.trace, note] };
  };
  const weightOf = createConceptWeight(store.terms, tuning);
  let spelledNames: Map<string, { word: string; frequency: number }> | undefined;
  /** Report words by their pinyin (jinci -> 晋祠), read on the first English word no dictionary knows; the most frequent word wins a shared spelling. */
  const reportWordsBySpelling = () => {
    const best = new Map<string, { word: string; frequency: number }>();
    for (const word of store.terms.terms()) {
      if (!/^[\u3400-\u9fff]{2,4}$/.test(word)) continue;
      const frequency = store.terms.documentFrequency(word);
      const spelling = spell(word);
      if ((best.get(spelling)?.frequency ?? 0) < frequency) best.set(spelling, { word, frequency });
    }
    return best;
  };
  const spelled = () => {
    if (!spelledNames) onLoad?.('report words by pinyin');
    return (spelledNames ??= reportWordsBySpelling());
  };
  /**
   * An English word the dictionary renders (cultivate: 培养, 种植) is also said by the report words the
   * word vectors put closest to its renderings (培育), as a Chinese word the reports never use is.
   */
  const withNeighbours = async (concepts: Concept[]): Promise<Concept[]> => {
    await loadVectors();
    const near = parts.neighbours;
    if (!near) return concepts;
    return concepts.map((concept) => {
      if (!concept.fromDictionary) return concept;
      const related = concept.variants.flatMap((variant) => near(variant, true)).filter(({ word, similarity }) => similarity >= tuning.englishNeighbourSimilarity && !concept.variants.includes(word));
      return related.length > 0 ? { ...concept, related: [...new Map(related.map((r) => [r.word, r])).values()] } : concept;
    });
  };
  let englishReader: EnglishReader | undefined;
  /** Made on the first English question: it spells the places in pinyin (pinyin-pro loads then, not at start). */
  const readEnglish = (text: string) => {
    if (!englishReader) {
      const placesInEnglish = englishPlaces(cities, spell);
      englishReader = createEnglishReader({
        knows,
        glossary: (phrase) => lexicon.english(phrase),
        places: placesInEnglish.names,
        cities: placesInEnglish.scoping,
        spelledName: (word) => spelled().get(word)?.word,
      });
    }
    return englishReader(text);
  };

  const strategies = createStrategies({ store, searcher, documents, weightOf, tuning, topK: settings.topK, read: () => read });
  const figures = createFiguresStrategy({ store, documents, lexicon, ...(wordVectors ? { wordVectors } : {}) });

  /** Chooses the strategy for a question; a comparison over years falls back to one answer. */
  async function solve(question: Question, timings: Timings, prefer?: Turn['answeredFrom']): Promise<Solution> {
    const corpus = corpusAsk(question.text);
    if (corpus) return strategies.aboutCorpus(question, corpus);
    if (question.asksToWrite) return strategies.refuse(question, 'single', 'asks-to-write', { code: 'NOT_A_QUESTION' });
    // "2025年打算再新增多少？" with nothing before it: any sentence with 新增 would do, so none does.
    if (!question.aboutReport && !standsAlone(question)) return strategies.refuse(question, 'single', 'no-topic', { code: 'NO_TOPIC' });
    if (question.aboutReport) return strategies.aboutReport(question);
    const fromTable = await figures.answer(question);
    if (fromTable) return fromTable;
    if (question.cities.length >= 2 && !question.linksCities) return strategies.perCity(question, timings);
    if (question.comparison) {
      const yearly = await strategies.perYear(question, timings);
      if (yearly) return yearly;
    }
    return strategies.single(question, timings, prefer);
  }

  /**
   * An English message of two questions, answered in parts as a Chinese one is (see `severalQuestions`): a part that names no
   * place or year asks of the message's.
   */
  async function severalEnglishQuestions(text: string, message: Question, timings: Timings): Promise<Solution | null> {
    const asked = text.split(ENGLISH_PARTS).map((part) => part.trim()).filter((part) => /[a-z]{2}/i.test(part));
    if (asked.length < 2) return null;
    const answered: LabelledSolution[] = [];
    let before: Question | undefined;
    for (const part of asked) {
      const english = await readEnglish(part);
      if (!english) return null;
      const partRead = withEnglishConcepts(read(english.chinese), await withNeighbours(english.concepts));
      const own = { ...partRead, cities: partRead.cities.length > 0 ? partRead.cities : message.cities, years: partRead.years.length > 0 || partRead.period ? partRead.years : message.years };
      // "…, and how fast did it grow?", "…, and how many were added?" ask only what happened to the topic before: the message is one question.
      if (!own.concepts.some((c) => namesTopic(c) && (!c.tag || c.tag.startsWith('n')))) return null;
      // "…, and where did it rank?": a part that points back (it, they) may ask of the topic before (the economy ranks) or of the
      // place (it builds canteens): the topic before counts where a sentence says it, as the asker's story does, and is not missed where not.
      const setting = before && POINTS_BACK_IN_ENGLISH.test(part) ? turnOf(before).topic.filter((c) => !own.concepts.some((o) => o.label === c.label)).map((c) => ({ ...c, situation: true })) : [];
      const question = setting.length > 0 ? { ...own, concepts: [...own.concepts, ...setting] } : own;
      const solution = await solve(question, timings);
      before = question;
      // Answered by the sentence that answered the part before, it asked the same thing.
      if (quoteSameSentence(answered.at(-1)?.solution, solution)) continue;
      answered.push({ label: part.replace(/[?.!\s]+$/, ''), solution: { ...solution, citations: citationsWithSpans(solution, question) }, context: [] });
    }
    if (answered.length === 1) return answered[0].solution.decision.found ? answered[0].solution : null;
    if (!answered.some((a) => a.solution.decision.found)) return null;
    return inParts(answered, 'per-question', ['one-answer-per-question', 'no-question-answered']);
  }

  /**
   * "晋中2024年固定资产投资完成了多少？2025年招商引资打算签多少？": a message with two or more questions
   * is answered a part per question. A question that names no city or year takes the message's; one
   * with no topic of its own goes on from the question before it. Null when the message asks one thing.
   */
  async function severalQuestions(text: string, message: Question, timings: Timings): Promise<Solution | null> {
    /** Parts that ask how a plan told in the part before went ("…说要X，后来做成了吗？"). */
    const progress = new Set<string>();
    /** Parts of one question that asked the same of two things ("…和…，各…"). */
    const paired = new Set<string>();
    const asked = focusOf(text).questions.flatMap((question) => {
      const split = toldPlanThenProgress(question);
      if (split) progress.add(split[1]);
      // Two places or two years asked the same are answered per city or per year, not as two questions.
      const pair = split || message.cities.length > 1 || message.years.length > 1 ? null : pairedTopics(question);
      for (const part of pair ?? []) paired.add(part);
      return split ?? pair ?? [question];
    });
    if (asked.length < 2) return null;
    const reads = await Promise.all(asked.map((part) => readChinese(part)));
    // "…评上了智能工厂。提到这事没有？具体是个什么称号？": a question that points back at what the message told is not asked
    // on its own, unless it names the thing itself ("听同学说市里要成立一个人才集团，这事报告里是怎么写的？").
    if (asked.some((part, i) => POINTS_BACK.test(part) && !namesThing(reads[i]) && !progress.has(part))) return null;
    const parts: Array<{ label: string; question: Question; goesOn?: boolean; firstYears?: number[]; afterYear?: number }> = [];
    for (const [i, part] of asked.entries()) {
      const read = reads[i];
      // "晋中现在…一共有多少户？还有，2025年…": a part that says its own time (现在, 目前) takes no year of another.
      const ownYears = read.years.length > 0 || !!read.period || NOW.test(part);
      // "…对清徐做醋有啥扶持打算？还有晋中2025年…？": a year said only in a later part that opens as another question is that part's.
      const sharedYears = message.years.filter((year) => reads.slice(0, i).some((r) => r.years.includes(year)) || !asked.slice(i + 1).some((later, j) => ANOTHER_QUESTION.test(later) && reads[i + 1 + j].years.includes(year)));
      const own = { ...read, cities: read.cities.length > 0 ? read.cities : message.cities, years: ownYears ? read.years : sharedYears };
      const before = parts.at(-1)?.question;
      // A plan told and how it went are answered as a target and a result ("目标：…；实际：…").
      const label = progress.has(part) ? '实际' : progress.has(asked[i + 1] ?? '') ? '目标' : questionLabel(part);
      // "…2024年定了个什么目标？后来拿到的是什么牌子？": the result may come in any later review, not only the year's.
      const firstYears = (GOES_ON.test(part) || progress.has(part)) && !ownYears && message.years.length > 0 ? message.years : undefined;
      // "…2024年说力争什么时候开工？后来开工了吗？": how the year's plan went, in the reports after it.
      const afterYear = before && before.years.length > 0 && asksProgress(part) ? Math.max(...before.years) : undefined;
      if (before && (progress.has(part) || GOES_ON.test(part))) {
        const goingOn = withTopicOf(own, turnOf(before));
        // "…说要新增养老床位2000张，最后完成了多少？": the told target is no figure the result must repeat.
        const question = progress.has(part) && ASKS_AMOUNT.test(part) ? { ...goingOn, concepts: goingOn.concepts.filter((c) => c.kind !== 'figure' || YEAR.test(c.label)) } : goingOn;
        parts.push({ label, question, goesOn: true, firstYears, afterYear });
      } else if (standsAlone(own) && (namesThing(own) || !before)) parts.push({ label, question: own });
      // "…目标是多少？最后实际情况怎么样？": a part without a topic of its own goes on from the one before, when
      // it asks something else of it (a result after a target, another year); "…绿道吗？修多长？" asks one thing.
      else if (before && asksOtherThan(read, before)) parts.push({ label, question: continueFrom(own, turnOf(before)).question, goesOn: true, afterYear });
    }
    // "…是真的吗？报告里具体怎么说的？": the other questions only ask it again; the one that names its topic is the question, or, when it finds nothing alone, the message whole.
    if (parts.length === 1) {
      const alone = await solve(parts[0].question, timings);
      return alone.decision.found ? { ...alone, decision: { ...alone.decision, name: `${alone.decision.name}-asking-part` } } : null;
    }
    if (parts.length < 2) return null;
    const answered: LabelledSolution[] = [];
    for (const { label, question, goesOn, firstYears, afterYear } of parts) {
      const later = await solveLater(question, firstYears, timings, afterYear);
      const solution = stillPlanned(later.solution, afterYear);
      // Going on from the part before and answered by the same sentence, it asked the same thing ("…修了吗？修了多少户？").
      if (goesOn && quoteSameSentence(answered.at(-1)?.solution, solution)) continue;
      const citations = citationsWithSpans(solution, question);
      const shownLabel = solution.decision.name === 'still-planned' ? `${label === '实际' ? '后来' : label}（${citations[0].year}年的报告没有写完成情况，仍列为任务）` : label;
      const context = later.asked.trace.filter((n) => n.step === 'context').map((n) => n.did);
      answered.push({ label: shownLabel, solution: { ...solution, citations }, context });
    }
    // "…说要新增1万个车位，最后完成了多少？", "…说要加快建西北二环，后来通车了吗？": how a told plan went is what is asked,
    // so a result found comes first and the plan after it, as the plan the report set; a plan the reports do not give is left out.
    const result = answered.find((a) => a.label === '实际');
    const target = answered.find((a) => a.label === '目标');
    if (result && target && (result.solution.decision.found || [...progress].some((part) => ASKS_AMOUNT.test(part)))) {
      answered.splice(answered.indexOf(target), 1);
      if (target.solution.decision.found) answered.push(target);
      if (answered.length === 1) return result.solution.decision.found ? result.solution : null;
    }
    if (answered.length < 2) return null;
    // Read apart, no question is answered: the questions may be one ("…提到这事没有？具体是个什么称号？"), asked of the message whole;
    // so may two things asked the same when one of them is not answered (one sentence may say both: "用“硬联通”…，以“软联通”…").
    const pairedLabels = new Set([...paired].map(questionLabel));
    const pairLost = answered.some((a) => pairedLabels.has(a.label) && !a.solution.decision.found);
    if (!answered.some((a) => a.solution.decision.found) || pairLost) {
      const whole = await solve(message, timings);
      if (whole.decision.found) return { ...whole, decision: { ...whole.decision, name: `${whole.decision.name}-whole-message` } };
    }
    return inParts(answered, 'per-question', ['one-answer-per-question', 'no-question-answered']);
  }

  /**
   * Asked how a plan of `afterYear` went, a later report that gives it again only as a task (and no
   * result) answers: it was not reported done, and is still planned (decision `still-planned`, and
   * the part's label says so).
   */
  function stillPlanned(solution: Solution, afterYear: number | undefined): Solution {
    const target = solution.citations[0];
    if (afterYear === undefined || !target || target.year <= afterYear) return solution;
    const answeredFrom = solution.answeredFrom;
    const answeredByPlan = solution.decision.found && solution.candidates.find((c) => c.hit.passage.id === answeredFrom?.passageId)?.hit.passage.sectionKind === 'plan';
    if (solution.decision.refusal?.code !== 'TARGET_ONLY' && !answeredByPlan) return solution;
    return { ...solution, decision: { strategy: solution.decision.strategy, name: 'still-planned', found: true } };
  }

  /**
   * A part that goes on after the message's year ("后来…？"): that year first (`firstYears`), then every
   * year; asking how a plan of `afterYear` went, the review of that year first and the reports after it last.
   */
  async function solveLater(question: Question, firstYears: number[] | undefined, timings: Timings, afterYear?: number): Promise<{ solution: Solution; asked: Question }> {
    const attempt = async (asked: Question) => ({ solution: await solve(asked, timings), asked });
    const noted = (did: string, changes: Partial<Question>): Question => ({ ...question, ...changes, trace: [...question.trace, { step: 'context', did }] });
    // How a year's plan went is told first by the review of that year ("到2026年报告里…" names the report, not the year it reviews).
    if (afterYear !== undefined) {
      const reviewed = await attempt(noted(`how ${afterYear}'s plan went: the review of ${afterYear} first`, { years: [afterYear], intent: 'review', wantsResult: true }));
      if (reviewed.solution.decision.found) return reviewed;
    }
    const inYear = await attempt(question);
    if (inYear.solution.decision.found) return inYear;
    if (firstYears) {
      const every = await attempt(noted(`nothing for ${firstYears.join(', ')}: looked in every year`, { years: [] }));
      if (every.solution.decision.found) return every;
    }
    // Only the plan of the year asked about: a later report may give the thing again, as a task still to do.
    const laterYears = afterYear === undefined ? [] : [...readerParts.coveredYears].filter((y) => y > afterYear);
    if (laterYears.length === 0) return inYear;
    const later = await attempt(noted(`no result for ${afterYear}'s plan: looked in the reports of ${laterYears.join(', ')}`, { years: laterYears }));
    return later.solution.decision.found || later.solution.decision.refusal?.code === 'TARGET_ONLY' ? later : inYear;
  }

  /** Whether two parts' answers quote the same sentence. */
  function quoteSameSentence(one: Solution | undefined, other: Solution): boolean {
    const [a, b] = [one?.answeredFrom, other.answeredFrom];
    return !!a && !!b && a.passageId === b.passageId && a.sentenceStart === b.sentenceStart;
  }

  /** An answered part's citations with the span that answers marked in each. */
  function citationsWithSpans(solution: Solution, question: Question): Citation[] {
    return solution.decision.found ? withSpans(solution.citations, question, solution.decision.strategy) : solution.citations;
  }

  /** Whether a question names no place of its own and its reading took the previous question's. */
  function placeTakenFromContext(alone: Question, read: Question): boolean {
    return alone.cities.length === 0 && alone.otherPlaces.length === 0 && read.cities.length > 0;
  }

  async function answerTurn(raw: string, previous?: Turn, options: AnswerOptions = {}): Promise<{ answer: Answer; turn: Turn | null }> {
    const started = performance.now();
    const { text, rejection } = sanitizeQuestion(raw, settings.maxQuestionChars);
    if (rejection) {
      const totalMs = Math.round((performance.now() - started) * 100) / 100;
      return { answer: rejectedAnswer(text, rejection, searcher.mode, totalMs), turn: null };
    }

    let t = performance.now();
    const english = isEnglish(text) ? await readEnglish(text) : null;
    const alone = english ? withEnglishConcepts(read(english.chinese), await withNeighbours(english.concepts)) : await readChinese(text);
    const followUp = previous ? continueFrom(alone, previous) : null;
    const timings: Timings = { understandMs: performance.now() - t };

    t = performance.now();
    let question = followUp?.question ?? alone;
    let contextUsed = followUp?.used ?? false;
    const several = english ? await severalEnglishQuestions(text, alone, timings) : await severalQuestions(text, alone, timings);
    let solution = several ?? (await solve(question, timings, followUp?.aboutPreviousAnswer ? previous?.answeredFrom : undefined));
    if (several) contextUsed = false;
    else if (contextUsed && !solution.decision.found && !placeTakenFromContext(alone, question)) {
      // Read with the previous question's context it finds nothing; read alone it may. Not when it names no place
      // and took the one before: read alone, another place's report would answer what was asked of this one.
      const standalone = await solve(alone, timings);
      if (standalone.decision.found) {
        const note = { step: 'context', did: 'with the context nothing answered; read alone it is answered' } as const;
        [question, solution, contextUsed] = [{ ...alone, trace: [...alone.trace, note] }, standalone, false];
      }
    }
    timings.composeMs = performance.now() - t - (timings.lexicalMs ?? 0) - (timings.denseMs ?? 0) - (timings.embedMs ?? 0);

    const { decision } = solution;
    const citations = decision.found && !several ? withSpans(solution.citations, question, decision.strategy) : solution.citations;
    const lead = leadSpan(citations, decision.strategy);
    const rephrasings = decision.found ? [] : await answerable(rephrasingsOf(question, citations, store.documents, weightOf));
    const answer: Answer = {
      question: text,
      found: decision.found,
      answer: answerText(solution, question, searcher.mode, store.documents),
      citations,
      ...(lead ? { answerSpan: lead } : {}),
      ...(solution.parts ? { parts: solution.parts } : {}),
      ...(solution.series ? { series: solution.series } : {}),
      ...(rephrasings.length > 0 ? { rephrasings } : {}),
      understood: { question: describeReading(question), cities: question.cities, years: question.years, contextUsed, ...(question.yearFromReports ? { yearFromReports: question.yearFromReports } : {}) },
      mode: searcher.mode,
      ...(searcher.embedder ? { embedder: searcher.embedder } : {}),
      timings: roundAll({ ...timings, totalMs: performance.now() - started }),
      ...(decision.refusal ? { reason: decision.refusal.code } : {}),
      ...(options.explain ? { explain: explanation(question, solution, weightOf, tuning) } : {}),
    };
    // "太原呢？" after a year's figure answered from a review asks for the same kind: what was achieved.
    const answeredPart = solution.candidates.find((c) => c.hit.passage.id === solution.answeredFrom?.passageId)?.hit.passage.sectionKind;
    const asked = question.years.length > 0 && !question.intent && answeredPart === 'review' ? { ...question, wantsResult: true } : question;
    return { answer, turn: turnOf(asked, solution.answeredFrom) };
  }

  /** The first few of `questions` the reports answer, each read on its own. */
  async function answerable(questions: string[]): Promise<string[]> {
    const kept: string[] = [];
    for (const text of questions) {
      if (kept.length === REPHRASINGS) break;
      if ((await solve(read(text), {})).decision.found) kept.push(text);
    }
    return kept;
  }

  async function warm(): Promise<void> {
    await loadVectors();
    await figures.warm();
    reportWords();
    openDictionaryTables();
    spelled();
    // One question in Chinese with a slip and one in English load what the readers keep to themselves (glossary, sound tables).
    const place = cities[0] ?? '';
    for (const question of [`${place}今年的目标是多少`, `What is the target of ${spell(place)} this year?`]) await answerTurn(question);
  }

  return { answerTurn, warm, answer: async (question, options) => (await answerTurn(question, undefined, options)).answer };
}

const pinyinPro = onFirstUse<{ pinyin: typeof pinyinOf }>('pinyin-pro');

/** Whether a question with no topic of its own asks something other than `before` does: another kind, year or place. */
function asksOtherThan(question: Question, before: Question): boolean {
  const other = (mine: number[] | string[], theirs: number[] | string[]) => mine.length > 0 && mine.join() !== theirs.join();
  return question.wantsResult !== before.wantsResult || (!!question.intent && question.intent !== before.intent) || other(question.years, before.years) || other(question.cities, before.cities);
}

function spell(word: string): string {
  return pinyinPro().pinyin(word, { toneType: 'none', separator: '' });
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v * 100) / 100])) as T;
}
