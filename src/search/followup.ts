import type { SectionKind } from '../corpus/types.js';
import { tokenize } from '../text/tokenize.js';
import { isTopicWord, MEASURE_NAMES, type Concept } from './concepts.js';
import type { Question } from './question.js';

/** What a later question in the same conversation may lean on: how the last one was read and answered. */
export interface Turn {
  /** The question as it was understood (context filled in). */
  text: string;
  cities: string[];
  years: number[];
  /** Its content concepts: what it was about. */
  topic: Concept[];
  intent?: SectionKind;
  askedUnit?: string;
  /** It asked what actually happened (see `Question.wantsResult`). */
  wantsResult?: boolean;
  /** Where its answer was quoted from, when it was answered. */
  answeredFrom?: { docId: string; passageId: number; sentenceStart: number };
}

/** Words that say what happens to a topic, not what the topic is: "2025年打算再新增多少？" names none. */
const GENERIC = new Set(
  ('新增 增加 增长 提高 提升 下降 减少 完成 达到 实现 建成 建设 建 修 新建 改造 开展 推进 推动 办 办理 搞 做 添 有 是 多少 几 ' +
    '计划 目标 打算 实际 要 能 会 达 共 一共 总共 情况 数量 规模 分别 哪些 哪几个 什么 具体 其中 另外 还有 同期 呢 换 换成 改成 那边 这边 ' +
    // What happens to a project (通车, 开工): asked of the project before.
    '通车 开通 竣工 投用 投运 启用 开工 动工 开建 正式').split(' '),
);

/** "今年呢？", "明年呢？": the year under way or the next, which no report looks back on yet. */
const THIS_YEAR_ON = /今年|明年/;
/** Says by its form that it goes on from the last question: "那…", "…呢？", "同期", "还有…". */
const ELLIPTICAL = /^(那|那么|还有|另外|同期|同年|当年|其中)|呢[?？!！。\s]*$|同期|同年|当年|那一?年|这一年/;
/** "产量呢，要到多少？": 呢 after the first words, the rest asking about them. */
const GOES_ON = /^[\u3400-\u9fff]{1,6}呢[,，]/;
/** Points at another item of what was asked before: "交通那条呢？", "那太行山水那条线呢？", "民生那项呢？". */
const ANOTHER_ITEM = /[那这](?:一)?(?:条|项|个|点|块|方面)(?:线|路)?呢[?？!！。\s]*$/;
/** Asks across years, so no one year of the last question applies. */
const SPANS_YEARS = /这几年|近几年|这些年|近年|历年|逐年|每年|几年来|多年来|这两年|近两年|这三年|近三年/;

/** How much of a thing there is or how fast it changes (产量, 覆盖率, 播种面积, 增速): not the thing itself. */
const MEASURES = ['率', ...MEASURE_NAMES, '面积', '规模', '数量', '增速', '增幅', '价格', '人数', '里程'].join('|');
const MEASURE = new RegExp(`(?:${MEASURES})$`);
/** A measure named alone (产量, 覆盖率), not of a thing of its own (煤炭产量). */
const ONLY_MEASURE = new RegExp(`^[\\u3400-\\u9fff]{0,2}率$|^(?:${MEASURES})$`);

/** 往前一年, 上一年, 早一年: the year before; 往后一年, 下一年, 次年: the year after. */
const YEAR_BEFORE = /(?:往前|再往前|往回|上|前|早)(?:推)?一年/;
const YEAR_AFTER = /(?:往后|再往后|下|晚)(?:推)?一年|次年|第二年/;

function yearShift(asked: string): number {
  return YEAR_BEFORE.test(asked) ? -1 : YEAR_AFTER.test(asked) ? 1 : 0;
}

export interface FollowUp {
  question: Question;
  /** Whether anything was taken from the previous turn. */
  used: boolean;
  /** The question is about the previous answer itself ("具体有哪些？", "其中…"). */
  aboutPreviousAnswer: boolean;
}

/**
 * Reads a question in the light of the one before: a city, year or topic it does not name is the
 * previous one's; naming a new one swaps just that. A question that names its own city, year and
 * topic stands alone.
 */
export function continueFrom(question: Question, previous: Turn): FollowUp {
  // "…怎么安排的？那年年底通车了没？": what happens (通车) is asked of the topic before, unless a thing is named.
  const ownTopic = topicOf(question).filter(isTopicWord);
  const namesPlace = question.cities.length > 0 || question.otherPlaces.length > 0;
  const needsCity = !namesPlace && previous.cities.length > 0;
  const needsTopic = ownTopic.length === 0;
  // "太原地铁2号线什么时候通车？" names its place and topic: a fresh question, not one about the last year.
  // "太原的城镇新增就业呢？" leans on the last one by its form, so it keeps the year.
  const fresh = namesPlace && !needsTopic && !ELLIPTICAL.test(question.asked);
  const spansYears = SPANS_YEARS.test(question.asked);
  // "往前一年，…？": the year before the last question's.
  const shift = question.years.length === 0 && !question.comparison && previous.years.length > 0 ? yearShift(question.asked) : 0;
  if (shift !== 0) question = { ...question, years: previous.years.map((y) => y + shift) };
  const needsYears = question.years.length === 0 && !question.period && !spansYears && !fresh && previous.years.length > 0;
  if (!needsCity && !needsYears && !needsTopic && shift === 0) {
    const why = question.years.length > 0 || question.period ? 'names its own city, year and topic' : spansYears ? 'asks over the years' : 'names its own place and topic';
    const note = { step: 'context', did: `${why}: nothing taken` } as const;
    return { question: { ...question, trace: [...question.trace, note] }, used: false, aboutPreviousAnswer: false };
  }

  const swapped = question.cities.length > 0 || question.years.length > 0;
  // A swapped city or year keeps what the topic is (its nouns), not how the first question put it.
  const carried = needsTopic ? topicCarriedTo(question, previous).filter((c) => !swapped || !c.tag?.startsWith('v')) : [];
  // Another item of the same list: the list's words are its setting, counted where a sentence says them (as the asker's story is), and the item it names is the topic.
  const setting = !needsTopic && ANOTHER_ITEM.test(question.asked) ? previous.topic.map((c) => ({ ...c, situation: true })) : [];
  // "晋中2025年粮食播种面积要稳在多少亩？" then "产量呢？": a measure asked on its own is of the thing measured before (粮食).
  const measured = !needsTopic && (ELLIPTICAL.test(question.asked) || GOES_ON.test(question.asked)) && ownTopic.every((c) => ONLY_MEASURE.test(c.label)) ? previous.topic.filter((c) => isTopicWord(c) && !MEASURE.test(c.label) && c.kind !== 'figure') : [];
  // "电子信息产业做到多大的盘子？" then "那汽车呢？": another thing put in the place of the one before is asked the same measure.
  const thingSwapped = !needsTopic && ELLIPTICAL.test(question.asked) && !ANOTHER_ITEM.test(question.asked) && ownTopic.every((c) => !MEASURE.test(c.label)) && question.asked.replace(/^那么?|呢[?？!！。\s]*$/g, '').length <= 6;
  const measureAsked = thingSwapped ? previous.topic.filter((c) => c.variants.some((v) => MEASURE.test(v))) : [];
  const topic = carried.length > 0 ? carried : needsTopic ? previous.topic : measured.length > 0 ? measured : measureAsked.length > 0 ? measureAsked : setting;
  const merged: Question = {
    ...question,
    ...withConcepts(question, topic),
    cities: needsCity ? previous.cities : question.cities,
    years: needsYears ? previous.years : yearsGoingOn(question, previous, needsCity),
    // "原计划…？后来开通了吗？": a result asked of a planned thing is looked for in the review, not the plan before.
    ...(intentOf(question, previous) ? { intent: intentOf(question, previous) } : {}),
    ...(question.askedUnit ?? (needsTopic ? previous.askedUnit : undefined) ? { askedUnit: question.askedUnit ?? previous.askedUnit } : {}),
    wantsFigure: question.wantsFigure || (needsTopic && !!previous.askedUnit) || measureAsked.length > 0,
    // "太原呢？" after "晋中2024年…完成了多少？" asks for 太原's result too; "后来开通了吗？" after a plan asks for the result.
    // "那2025年呢？" after a year's figure that only its review gave asks whatever the reports say of 2025, unless a result was asked in words.
    wantsResult:
      question.wantsResult ||
      (needsTopic && !question.intent && !!previous.wantsResult && (question.years.length === 0 || previous.intent === 'review') && !THIS_YEAR_ON.test(question.asked)) ||
      (needsTopic && question.intent === 'review' && previous.intent === 'plan'),
  };
  const used = needsCity || needsYears || shift !== 0 || topic.length > 0;
  const took = [
    needsCity && `city ${previous.cities.join('、')}`,
    needsYears && `years ${previous.years.join(', ')}`,
    shift !== 0 && `years ${merged.years.join(', ')} (the year ${shift < 0 ? 'before' : 'after'} ${previous.years.join(', ')})`,
    topic.length > 0 && `topic ${topic.map((c) => c.label).join(' ')}`,
  ].filter(Boolean);
  merged.trace = [...question.trace, { step: 'context', did: took.length > 0 ? `from "${previous.text}": ${took.join('; ')}` : 'nothing needed' }];
  // "都是哪几个？", "具体有哪些？", "第三件是什么？": a list (or an item of one) asked for with no topic of its own is the previous answer's,
  // unless it asks of another year or place ("那今年还在修的是哪几条？").
  return { question: merged, used, aboutPreviousAnswer: !!previous.answeredFrom && (question.wantsList || question.ordinal !== undefined) && needsTopic && !swapped };
}

/**
 * "无废城市…是怎么提的？最后有没有被国家选为试点？": a part of a message that goes on from the one before
 * (后来, 最后) is about that one's topic too, besides what it names itself.
 */
export function withTopicOf(question: Question, previous: Turn): Question {
  const topic = topicCarriedTo(question, previous).filter((c) => isTopicWord(c) && !question.concepts.some((own) => own.label === c.label));
  if (topic.length === 0) return question;
  return {
    ...question,
    ...withConcepts(question, topic),
    trace: [...question.trace, { step: 'context', did: `goes on from "${previous.text}": topic ${topic.map((c) => c.label).join(' ')}` }],
  };
}

/** The topic before, as a question goes on with it: asking a result after a plan, the plan's words (计划, 目标) are no part of it. */
function topicCarriedTo(question: Question, previous: Turn): Concept[] {
  const asksResult = question.wantsResult || question.intent === 'review';
  return previous.topic.filter((c) => !(asksResult && PLAN_WORDS.test(c.label)));
}

/** The question's concepts and search terms with `topic`'s (a concept it says already is not added again). */
function withConcepts(question: Question, topic: Concept[]): Pick<Question, 'concepts' | 'terms'> {
  return {
    concepts: [...question.concepts, ...topic.filter((c) => !question.concepts.some((own) => own.label === c.label))],
    terms: [...question.terms, ...tokenize(topic.flatMap((c) => c.variants).join(' '))],
  };
}

/** What a question is about in its own words: its concepts less the words that say what happens to a topic. */
function topicOf(question: Question): Concept[] {
  return question.concepts.filter(namesTopic);
}

/** Whether a concept says what a question is about, not what happens to it (新增, 目标, 多少). */
export function namesTopic(concept: Concept): boolean {
  return concept.kind === 'figure' || !isGeneric(concept);
}

/**
 * 增长; a lexicon phrase such as 涨了多少 that stands only for generic words; a lone character that
 * stands for nothing longer (好 of 好的): no topic.
 */
function isGeneric(concept: Concept): boolean {
  const standsFor = concept.variants.filter((v) => v !== concept.label);
  const lone = concept.label.length === 1 && standsFor.length === 0 && !concept.related?.length;
  return lone || GENERIC.has(concept.label) || (standsFor.length > 0 && standsFor.every((v) => GENERIC.has(v)));
}

/**
 * Whether a question means something without the one before: it names a topic of its own. "目标是多少？"
 * after a question about 晋中's jobs does not; answered alone it would be about any city's targets.
 */
export function standsAlone(question: Question): boolean {
  return topicOf(question).length > 0;
}

/**
 * The years of a follow-up that names its own: "和去年比呢？" after a question about 2026 asks both;
 * "那今年的目标是多少？" after a question about 成都 counts 今年 as 成都's reports do.
 */
function yearsGoingOn(question: Question, previous: Turn, takesCity: boolean): number[] {
  const sorted = (years: number[]) => [...new Set(years)].sort((a, b) => a - b);
  if (question.comparison) return sorted([...previous.years, ...question.years]);
  const byPlace = question.yearsByPlace;
  return takesCity && byPlace ? sorted(previous.cities.flatMap((city) => byPlace[city] ?? question.years)) : question.years;
}

/** Words that say a plan was asked, not what it was about. */
const PLAN_WORDS = /^(?:原计划|计划|目标|预期|指标|打算|安排)$/;

function intentOf(question: Question, previous: Turn): SectionKind | undefined {
  return question.intent ?? (question.wantsResult ? 'review' : previous.intent);
}

/**
 * Whether the asking clauses name a topic of their own: a noun that is not the asker's story, not the
 * kind of answer asked for (定位 of "…的定位是什么") and not pointed back at (这个项目). When they do, the
 * story is only context; when not, the story names what is asked about.
 */
export function asksOwnTopic(concepts: Concept[]): boolean {
  return concepts.some((c) => !c.situation && !c.asksFor && !c.pointedAt && isTopicWord(c) && namesTopic(c));
}

/** Whether a question names a thing of its own (a noun), not only what happens to one ("通车了没？") or the kind of answer it wants ("拿到的是什么牌子？"). */
export function namesThing(question: Question): boolean {
  return topicOf(question).some((c) => isTopicWord(c) && !c.asksFor);
}

/** Parts of speech that say nothing about the topic (measure words, particles, pronouns). */
const NOT_TOPIC_TAGS = /^(q|m|u|y|e|p|c|r|d|f)/;

/** How a question was read, for "（按“晋中 2024年 改革事项”理解）". */
export function describeReading(question: Question): string {
  // A year no report covers is also a figure the answer must say; it is listed once, as a year.
  const topic = question.concepts.filter((c) => c.label.length > 1 && (!c.tag || !NOT_TOPIC_TAGS.test(c.tag)) && !/^20\d{2}年$/.test(c.label)).map((c) => c.label);
  return [question.cities.join('、'), question.years.map((y) => `${y}年`).join('、'), ...topic].filter(Boolean).join(' ');
}

/** The turn to remember after answering `question`. */
export function turnOf(question: Question, answeredFrom?: Turn['answeredFrom']): Turn {
  return {
    text: describeReading(question),
    cities: question.cities,
    years: question.years,
    topic: topicOf(question),
    ...(question.intent ? { intent: question.intent } : {}),
    ...(question.askedUnit ? { askedUnit: question.askedUnit } : {}),
    ...(question.wantsResult ? { wantsResult: true } : {}),
    ...(answeredFrom ? { answeredFrom } : {}),
  };
}
