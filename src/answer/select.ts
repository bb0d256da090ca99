import type { Sentence } from '../corpus/types.js';
import type { SearchHit } from '../search/searcher.js';
import { isTopicWord, type Concept } from '../search/concepts.js';
import { asksOwnTopic, namesTopic } from '../search/followup.js';
import { asksFigure, PLAN_PERIOD, type Question } from '../search/question.js';
import { MIN_SIMILARITY } from '../search/word-vectors.js';
import { numberOf } from '../text/numerals.js';
import { syllableOf } from '../text/syllables.js';
import { COUNTED_PEOPLE_WORDS, otherSpellings } from '../text/unit-spellings.js';
import { yearsSaidRelatively } from '../text/year-spans.js';
import { ANSWER_TUNING, type AnswerTuning } from './settings.js';

export interface ScoredSentence {
  hit: SearchHit;
  sentence: Sentence;
  /** 0..1: share of the question's concepts (weighted by rarity) that the sentence says. */
  coverage: number;
  /**
   * Why the sentence cannot answer even if it covers the words: it misses a figure the question
   * names (2号线), names only other years, carries no figure in the asked unit (多少天), no
   * amount at all when one is asked (多少), or a result where a target is asked (kind).
   */
  mismatch?: Mismatch;
  score: number;
  /** The question's concepts the sentence (or its passage) says, with how much (1 is said outright). */
  matched: Array<{ concept: string; presence: number }>;
}

export type Mismatch = 'figure' | 'place' | 'year' | 'unit' | 'kind' | 'items';

/** The judge's verdict on the retrieved passages: every sentence ranked, and those that answer. */
export interface Judgement {
  ranked: ScoredSentence[];
  /** Covers enough of the question (`minCoverage`) and has no mismatch, best first. */
  answering: ScoredSentence[];
}

/** Ranks every sentence of the hits and keeps those that answer the question. */
export function judge(question: Question, hits: SearchHit[], weightOf: ConceptWeight, tuning: AnswerTuning = ANSWER_TUNING): Judgement {
  const ranked = scoreSentences(question, hits, weightOf, tuning);
  return { ranked, answering: ranked.filter((s) => answers(s, tuning, question)) };
}

/** Whether the sentence answers: no mismatch, and coverage at the bar (a higher one when the question asks a figure). */
export function answers(s: ScoredSentence, tuning: AnswerTuning, question: Question): boolean {
  const bar = asksFigure(question) ? tuning.figureMinCoverage : tuning.minCoverage;
  return !s.mismatch && s.coverage >= bar;
}

/** A concept with what it weighs in coverage and whether a sentence is held to it (see `weighConcepts`). */
export interface WeighedConcept {
  concept: Concept;
  weight: number;
  optional: boolean;
}

/** How much a concept counts toward coverage (rarity in the corpus; see the answerer). */
export type ConceptWeight = (concept: Concept) => number;

const FIGURE = /\d/;
/** A target asked ("GDP增长目标是多少"): what a year achieved, in a review, is another kind of figure unless it names a target. */
const ASKS_TARGET = /目标|预期/;
const TARGET_SAID = /目标|预期|力争|确保|计划|左右/;
/** An amount in digits with what it counts (20万游客, 99.6%; not 5G or a year) or in words (十件, 八成, 翻番). */
const AMOUNT = /(?<![\d.])(?!20\d\d年)\d+(?:\.\d+)?\s*(?:%|％|‰|[\u3400-\u9fff])|[两二三四五六七八九十百千万]+\s*[个件项所座家户条场次批类种位名块台辆套张处成倍万亿]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ]+\s*[类级期]|翻番|倍/;
/** AMOUNT, or a number alone in its clause ("综合指数降至4.95、创…"): within one clause of a sentence that has an amount. */
const ANY_AMOUNT = new RegExp(`${AMOUNT.source}|(?<![\\d.])\\d+(?:\\.\\d+)?(?![\\d.]|\\s*年)`);
const TIME = /年内|年底|年初|上半年|下半年|季度|\d+月|20\d{2}年/;
/** 个 in 10个月 or 3个百分点 counts months and points, not things. */
const NOT_A_COUNT = '(?!月|百分点|工作日)';
/** A year as reports write one: 2025年, or a range 2021—2025 (not 2000万平方米). */
const SENTENCE_YEARS = /(?<!\d)(20\d{2})(?=\s*年|\s*[—–\-~至到]\s*20\d{2})/g;
/** "到2025年底", "2027年前": a year by which something is to be done. */
const BY_YEAR = /(?:到|至)\s*$/;
const YEAR_BEFORE = /^20\d{2}\s*年(?:底|末)?之?前/;
/** People counted by who they are (20万游客, 7.8万名老年人): a count in 人 of the people the question names ("游客…多少人"), not of others (33万农民工). */
const COUNTS_PEOPLE = new Set(['人', '人次', '万人']);
/** Units that answer one another: a question's 多少个 is answered by 所, 座, 家…: 个 stands for any measure word of a count (282天, 30万辆), not of money, a share, a rank (前10位) or times (3次). */
const UNIT_FAMILIES: Record<string, string[]> = {
  个: ['个', '所', '座', '家', '项', '处', '名', '条', '户', '件', '块', '枚', '套', '台', '部', '场', '天', '辆', '张', '批', '间', '栋', '棵', '株', '架', '列', '只', '头', '支', '本'],
  人: ['人', '人次', '名'],
  人次: ['人次', '人'],
  万人: ['万人', '人', '人次'],
  亩: ['亩', '万亩'],
  公里: ['公里', '千米', '米'],
  元: ['元', '万元', '亿元'],
  万元: ['万元', '亿元', '元'],
  亿元: ['亿元', '万元', '元'],
  次: ['次', '场', '趟'],
  趟: ['趟', '次'],
  家: ['家', '户', '个'],
  户: ['户', '家', '个'],
  件: ['件', '项', '个'],
  项: ['项', '件', '个'],
  '%': ['%', '％', '个百分点'],
};

/** The units that answer a count asked in `unit`: a measure word of things (家, 座, 所) any other, since people and reports pick them differently (多少家博物馆, 博物馆108座). */
function unitsAnswering(unit: string): string[] {
  const own = UNIT_FAMILIES[unit] ?? [unit, ...otherSpellings(unit)];
  return UNIT_FAMILIES['个'].includes(unit) ? [...new Set([...own, ...UNIT_FAMILIES['个']])] : own;
}

/** An amount in the unit a question asks in (多少钱: 200亿元), with the people it names counted (多少游客: 2.73亿人次游客); null when it asks in none. */
export function amountInAskedUnit(question: Pick<Question, 'askedUnit' | 'text'>): RegExp | null {
  if (!question.askedUnit) return null;
  const peopleNamed = COUNTS_PEOPLE.has(question.askedUnit) ? COUNTED_PEOPLE_WORDS.filter((people) => question.text.includes(people)) : [];
  return unitPattern([...unitsAnswering(question.askedUnit), ...peopleNamed], /第几/.test(question.text));
}

/**
 * Scores every sentence of the retrieved passages: concept coverage first, then a figure or a
 * time when one is asked for, the passage's retrieval rank, and its fit with the asked year.
 */
export function scoreSentences(question: Question, hits: SearchHit[], weightOf: ConceptWeight, tuning: AnswerTuning = ANSWER_TUNING): ScoredSentence[] {
  const concepts = weighConcepts(question.concepts, weightOf, tuning);
  const topScore = hits[0]?.score ?? 1;
  const asksTarget = ASKS_TARGET.test(question.text);
  const countInUnit = amountInAskedUnit(question);
  const asksShare = ASKS_SHARE.test(question.text);
  const counterparts = counterpartsAsked(question.text);
  const siblings = siblingsAsked(question.text);
  const perShortPeriodAsked = PER_SHORT_PERIOD.test(question.text);
  const changeAsked = CHANGE_ASKED.test(question.text);
  /** A numbered thing (3号线) and what is asked to have happened to it (通车): both must be said in one clause. */
  const numberedNames = question.concepts.filter((c) => c.kind === 'figure' && NUMBERED_THING.test(c.label));
  const askedEvents = EVENT_FAMILIES.filter((family) => question.concepts.some((c) => family.includes(c.label)));
  /** The counted list whose items are asked ("十件民生实事具体是哪十件？": 十件, 10件). */
  const listCounts = ASKS_ITEMS.test(question.text) ? [...question.text.matchAll(COUNTED_LIST)].flatMap(([count, numeral, measure]) => [count, `${numberOf(numeral)}${measure}`]) : [];
  const told = question.concepts.filter((c) => c.kind === 'figure').map((c) => inDigits(comparable(c.label)));
  const initials = initialsOf(question.concepts);
  // "对古交的定位是什么？": a role is asked; the answer makes the thing the subject of becoming something (古交打造…).
  const roleAsked = question.concepts.some((c) => c.asksFor && ROLE.test(c.label));
  const oneYearAsked = question.years.length === 1 && !question.period && !PERIOD_ASKED.test(question.text);
  const roleOf = question.concepts.filter((c) => !c.asksFor && !c.situation && c.kind !== 'figure').flatMap((c) => c.variants);
  const nounOfOne = (c: Concept) => c.label.length === 1 && !!c.tag?.startsWith('n');
  /**
   * What the question asks about, in the ways a sentence can say it: an amount must be said with one of
   * them. The asker's story counts ("…办过国际大赛，那次是第几届？" asks about the 大赛 it told of); one
   * character only as a noun (床 in 床位). Words of what happens to it (增长, 目标) count only when the
   * question names nothing else: "社会消费品零售总额增长目标" is not answered by "国内生产总值增长5%左右".
   * A described term is said by the words of what it is, too (农村公路 for 四好农村路).
   */
  const topicConcepts = question.concepts.filter((c) => c.kind !== 'figure' && !c.asksFor && (c.label.length > 1 || nounOfOne(c)));
  const isMeasured = (c: Concept) => namesTopic(c) || nounOfOne(c);
  const measured = topicConcepts.some(isMeasured) ? topicConcepts.filter(isMeasured) : topicConcepts;
  const waysOf = (c: Concept) => [...c.variants, ...(c.related ?? []).map((r) => r.word), ...(c.sideWords?.[0] ?? [])].filter((v) => v.length > 1 || nounOfOne(c));
  // A measure said with what it measures (支配 收入: 可支配收入) is that thing's only where both are said: 预算收入 is another's.
  const partnerOf = (c: Concept) => (c.onlyWith === undefined ? undefined : question.concepts.find((other) => other.label === c.onlyWith)?.variants);
  const topics: Topic[] = measured.map((c) => ({ ways: waysOf(c), with: partnerOf(c) }));
  /** Phrases of three or more characters the question quotes, and whether it asks whether or how the reports say something. */
  const quoted = [...question.text.matchAll(QUOTED)].map((m) => m[1]);
  const asksWhatIsSaid = ASKS_WHAT_IS_SAID.test(question.text);
  const countedWords = countedPhrase(question);
  const counted = (countedWords ? countedNoun(question, countedWords)?.variants : undefined) ?? [];
  /**
   * Places inside the report's whose figure the question asks (古交2025年GDP增长目标), not the asker's story (我在海口…):
   * the report's own figure is its whole place's. A thing there asked about by name (榆次那个未来无限城) needs no place.
   */
  const subPlaces = asksFigure(question) ? (question.subPlaces ?? []).filter((place) => question.concepts.some((c) => !c.situation && c.variants.some((v) => v.startsWith(place)))) : [];
  // The head is the noun's last character, or its root before the suffix 子 (房 of 房子).
  const countedHead = counted.length > 0 ? countedWords?.replace(/(?<=[\u3400-\u9fff])子$/, '').slice(-1) : undefined;
  const pairs = adjacentPairs(question);
  const scored: ScoredSentence[] = [];
  for (const hit of hits) {
    // Reports space out figures and words ("187 户", "新 IP"); compare without white space.
    const context = comparable(`${hit.passage.section}${hit.passage.text}`);
    let lead = '';
    let previous: Sentence | undefined;
    for (const sentence of hit.passage.sentences) {
      const lower = comparable(sentence.text);
      lead = leadOf(lower, previous, sentence, lead);
      previous = sentence;
      // An item of a list says what its lead says: "预期目标是：…；" then "规模以上工业增加值增长 4%以上；" is a target too.
      const says = lead && !lower.startsWith(lead) ? lead + lower : lower;
      const uninterrupted = says.replace(INSERTED_NAME, '');
      let missingFigure = false;
      const presences = new Map<string, number>();
      /** Concepts the sentence itself says (not only its passage). */
      const saidHere = new Set<string>();
      const abbreviated = new Set([...abbreviatedIn(says, initials), ...pairs.filter((p) => p.shortened.some((short) => says.includes(short))).flatMap((p) => p.labels)]);
      const sounds = question.concepts.some((c) => c.sound) ? soundsOf(says) : '';
      const inPlan = hit.passage.sectionKind === 'plan';
      /** Target words met only by the sentence being in the plan: they do not make it say the question. */
      const onlyPlanned = new Set<string>();
      for (const { concept } of concepts) {
        const presence = concept.strict
          ? concept.variants.some((v) => says.includes(v)) ? 1 : concept.label === FIRST_PHASE && !ANY_PHASE.test(says) ? tuning.partPresence : 0
          : Math.max(presenceOf(concept.variants, says, uninterrupted, context, tuning), sidesSaid(concept, says, tuning), abbreviated.has(concept.label) ? tuning.partPresence : 0, concept.sound && sounds.includes(` ${concept.sound} `) ? 1 : 0);
        if (concept.strict && presence === 0) missingFigure = true;
        const related = Math.min(tuning.relatedPresence, Math.max(0, ...(concept.related ?? []).filter((r) => says.includes(r.word)).map((r) => (r.similarity - MIN_SIMILARITY) / 0.3)));
        // What a report plans for its year is its target: its plan part says so for a sentence that does not ("实现城镇新增就业不少于26万人"), as a passage does.
        const planned = inPlan && !concept.asksFor && ASKS_TARGET.test(concept.label) ? tuning.contextPresence : 0;
        presences.set(concept.label, Math.max(presence, related, planned));
        if (planned > Math.max(presence, related)) onlyPlanned.add(concept.label);
        // Presence 1 is a variant in the sentence itself; less is its passage or part of a word.
        if (presence === 1 || related > 0 || abbreviated.has(concept.label)) saidHere.add(concept.label);
      }
      let said = 0;
      let total = 0;
      let saysAny = false;
      const matched: ScoredSentence['matched'] = [];
      // "有没有提干部要“四下基层”？": the report's own words, quoted and said here verbatim, are what is asked; the rest only frames them.
      const quotedHere = asksWhatIsSaid && quoted.some((phrase) => says.includes(phrase));
      for (const { concept, weight, optional: framing } of concepts) {
        const optional = framing || (quotedHere && concept.kind !== 'figure' && !quoted.includes(concept.label));
        // A measure counts with what it measures, a thing with its kind, both in the sentence itself: another thing's 覆盖率 is not the asked thing's, a 挖掘机 not a 二手挖掘机.
        const paired = concept.onlyWith !== undefined && presences.has(concept.onlyWith);
        const presence = paired && !(saidHere.has(concept.label) && saidHere.has(concept.onlyWith!)) ? 0 : presences.get(concept.label)!;
        // One character other than a noun (老, 大) is found inside any number of words (老百姓): alone it does not make the sentence say the question; 床 in 床位 does.
        if ((presence === 1 || saidHere.has(concept.label)) && !onlyPlanned.has(concept.label) && (concept.label.length > 1 || !concept.tag || concept.tag.startsWith('n'))) saysAny = true;
        if (presence > 0) matched.push({ concept: concept.label, presence: Math.round(presence * 100) / 100 });
        said += weight * presence;
        // A word of the asker's situation counts where the sentence says it and is not missed where it does not.
        total += optional ? weight * presence : weight;
      }
      // What only its passage says (景区 two sentences away) does not make a sentence an answer by itself.
      const coverage = total > 0 ? (said / total) * (saysAny ? 1 : tuning.onlyAround) : 0;
      // "襄阳去年GDP是多少": the amount must be said in a clause naming the place (not "武汉跨入两万亿级…，襄阳、宜昌进至前列").
      const missingPlace = subPlaces.some((place) => !says.includes(place) || (question.asksAmount && !says.split(CLAUSE_END).some((clause) => clause.includes(place) && ANY_AMOUNT.test(clause))));
      const mismatch = missingFigure
        ? 'figure'
        : missingPlace
          ? 'place'
          : yearMismatch(question, lower, hit)
          ? 'year'
          : (countInUnit ? !countInUnit.test(lower) : question.asksAmount && !ANY_AMOUNT.test(lower))
            ? 'unit'
            : (countInUnit || question.asksAmount) && !amountOfAsked(asksShare ? says : withoutShareOf(says), countInUnit ?? ANY_AMOUNT, topics, countInUnit ? [] : told, counted, countedHead)
              ? 'figure'
            : countInUnit && onlyTold(lower, countInUnit, told)
              ? 'figure'
            : countInUnit && !perShortPeriodAsked && onlyPerShortPeriod(says, countInUnit)
              ? 'figure'
            : countInUnit && question.askedUnit !== '%' && !changeAsked && onlyChange(says, countInUnit)
              ? 'figure'
            : asksTarget && hit.passage.sectionKind === 'review' && !TARGET_SAID.test(says)
              ? 'kind'
            : saysCounterpart(counterparts, says) || saysSiblingInstead(siblings, says)
              ? 'kind'
            : listCounts.length > 0 && namesListOnly(lower, listCounts)
              ? 'items'
            : askedEvents.length > 0 && numberedNames.length > 0 && !happensTo(says, numberedNames, askedEvents)
              ? 'figure'
              : undefined;
      const figure = question.wantsFigure && FIGURE.test(sentence.text) ? tuning.figureBonus : 0;
      const role = roleAsked && roleStated(says, roleOf) ? tuning.roleBonus : 0;
      const time = question.wantsTime && TIME.test(sentence.text) ? tuning.timeBonus : 0;
      // Asked what a year's plan says (or what it achieved), the other part of the report is a weaker answer.
      const otherPart = question.intent && question.years.length > 0 && hit.passage.sectionKind !== question.intent ? tuning.otherPartPenalty : 0;
      // Asked of a year, a figure of a five-year period (城镇新增就业603.7万人…年均增长6%) is a weaker answer than the year's own.
      const period = oneYearAsked && PERIOD_FIGURE.test(sentence.text) ? tuning.periodPenalty : 0;
      const score = coverage + figure + time + role + tuning.retrievalWeight * (hit.score / topScore) + tuning.fitWeight * hit.fit - otherPart - period - (mismatch ? tuning.mismatchPenalty : 0);
      scored.push({ hit, sentence, coverage, score, matched, ...(mismatch ? { mismatch } : {}) });
    }
  }
  // Equal scores (sentences of one passage): the one that says the question's own words (进出口, not only 外贸) first;
  // counted only for the sentences that tie.
  const ownWords = new Map<ScoredSentence, number>();
  const ownWordsOf = (s: ScoredSentence) => ownWords.get(s) ?? ownWords.set(s, concepts.filter(({ concept }) => comparable(s.sentence.text).includes(concept.label)).length).get(s)!;
  return scored.sort((a, b) => b.score - a.score || ownWordsOf(b) - ownWordsOf(a));
}

/** A thing the question asks an amount of, in the ways a clause can say it, and the words it counts only with (see `Concept.onlyWith`). */
interface Topic {
  ways: string[];
  with?: string[];
}

/**
 * "晋中那个抖音创作基地孵化出多少主播？" is not answered by "…创作基地落户我市，…营收达到160亿元": an
 * amount answers only in a clause that also says something the question asks about, and, asked in
 * no unit, is not one the question itself told ("那340个重点项目完成了多少投资？" is not answered by
 * "…340个重点项目"; asked in a unit, `onlyTold` tells a told target from a result). True when the
 * question names nothing such.
 */
function amountOfAsked(sentence: string, amount: RegExp, topics: Topic[], told: string[], counted: string[], countedHead?: string): boolean {
  if (topics.length === 0) return true;
  const clauses = sentence.replace(INSERTED_NAME, '').split(/[，,；;：:。！？]/).map((clause) => told.reduce((rest, figure) => rest.replaceAll(figure, ''), clause));
  const saysTopic = (clause: string) =>
    topics.some(({ ways, with: partner }) => ways.some((w) => clause.includes(w) || (w.length > 2 && elided(w, clause))) && (!partner || partner.some((p) => clause.includes(p))));
  // "地区生产总值增长4.6%，净增1307.02亿元，总量达到13317.78亿元": a clause that only says how much the thing
  // changed or came to, or how many people it reached, goes on with the clauses before it, back to one that names the thing;
  // "…，投入近200亿元，改造供热管网近1万公里": one that only says what was spent, with the clauses on either side.
  const goesOn = (i: number) => ONLY_CHANGE.test(clauses[i]) || ONLY_AMOUNT.test(clauses[i]) || PEOPLE_FIRST.test(clauses[i]);
  const namedBefore = (i: number): boolean => i > 0 && (saysTopic(clauses[i - 1]) || (goesOn(i - 1) && namedBefore(i - 1)));
  const nextTo = (i: number) => [clauses[i - 1] ?? '', clauses[i + 1] ?? ''];
  return clauses.some(
    (clause, i) =>
      countsAsked(clause, amount, counted, countedHead) &&
      (saysTopic(clause) || (goesOn(i) && namedBefore(i)) || (ONLY_SPENT.test(clause) && nextTo(i).some(saysTopic))),
  );
}

/** Where a clause of a sentence ends (an amount's clause also ends at a colon: see `amountOfAsked`). */
const CLAUSE_END = /[，,；;。！？]/;
/** A numbered thing: a line, a phase, a ring road (3号线, 二期, 二环). */
const NUMBERED_THING = /^(?:\d+号线|[一二三四五六七八九十]期|[一二三四五六七八九十]环)$/;
/** What happens to a project, by kind: it opens (通车, 开通, 建成…) or its building starts (开工, 动工). */
const EVENT_FAMILIES = [
  ['通车', '开通', '建成', '竣工', '投用', '运营', '启用', '投运'],
  ['开工', '动工', '开建'],
];

/**
 * "1号线一期年底建成通车，3号线一期…力争年内开工" does not say 3号线 opens: a clause that names the
 * numbered thing asked must say what is asked to happen, in a word of its kind.
 */
function happensTo(sentence: string, numbered: Concept[], events: string[][]): boolean {
  return sentence
    .split(CLAUSE_END)
    .some((clause) => numbered.some((c) => c.variants.some((v) => clause.includes(v))) && events.every((family) => family.some((word) => clause.includes(word))));
}

/**
 * A project's first phase (一期): another phase said (二期) is a near miss, but a sentence that names
 * the project with no phase at all ("地铁1号线开通运营" for 1号线一期) says it in part, as a project's
 * phase is its first until a second is named. Not a later one: 机场四期 is not the airport.
 */
const FIRST_PHASE = '一期';
const ANY_PHASE = /[一二三四五六七八九十\d]期/;

/** "十件民生实事具体是哪十件？", "都有哪些": the items of a list are asked, not that it is there. */
const ASKS_ITEMS = /哪[一二三四五六七八九十两几\d]+[件项条大类个]|具体(?:都)?(?:是|有)哪|都(?:有|是)哪|分别是(?:什么|哪)/;
/** A list named by its count: 十件民生实事, 3大战略定位. */
const COUNTED_LIST = /(?<![一二三四五六七八九十两\d])([一二三四五六七八九十两\d]+)(件|项|大|类)/g;

/** A sentence that names the asked counted list (办好十件民生实事) without its items: fewer than two of them, no 一是/二是. */
function namesListOnly(sentence: string, counts: string[]): boolean {
  const unquoted = sentence.replace(/“[^”]*”/g, '');
  return counts.some((count) => unquoted.includes(count)) && (unquoted.match(/[、；;]/g) ?? []).length < 2 && !/[一二三四五六七八九十]是/.test(unquoted);
}

/** A share asked (占比, 比重, 比例, 百分之几). */
const ASKS_SHARE = /占比|比重|比例|占多少|百分之|几成/;
/** "…产值占规上工业总产值比重达到56.2%": what a share is taken of is not what its figure measures. */
const SHARE_OF = /占[^，,；;。]*?(比重|比例)/g;

/** The sentence with the wholes its shares are taken of left out: 规上工业总产值 is no amount there. */
function withoutShareOf(sentence: string): string {
  return sentence.replace(SHARE_OF, '占$1');
}

/** A clause that only says how much was spent (投入近200亿元, 累计投资3.2亿元), naming no thing of its own. */
const ONLY_SPENT = /^(?:累计|共|总)?(?:投入|投资|安排|下达|拨付|筹措|落实)(?:资金)?(?:近|约|超过?|逾|达)?\s*[\d.]+\s*(?:万|亿)?元$/;
/** Qualifiers that set a thing against its counterpart: 城市低保 is not 农村低保, 城镇居民 not 农村居民. */
const COUNTERPARTS: [string[], string[]] = [['农村', '乡村'], ['城镇', '城市', '城区']];

/** The asked thing with each counterpart qualifier ("农村低保" asked: 城镇低保, 城市低保, 城区低保), by the qualifiers asked. */
function counterpartsAsked(question: string): Array<{ asked: string[]; counterparts: string[] }> {
  return COUNTERPARTS.map((side, i) => ({
    asked: side,
    counterparts: side.flatMap((word) => {
      const head = question.match(new RegExp(`${word}([\u3400-\u9fff]{2})`))?.[1];
      return head === undefined ? [] : COUNTERPARTS[1 - i].map((counterpart) => counterpart + head);
    }),
  })).filter((side) => side.counterparts.length > 0);
}

interface SiblingFamily {
  /** Each kind by its name and the words that also say it (中小学 says 初中). */
  kinds: Array<[string, string[]]>;
  /** Words that say several kinds only together (义务教育: 小学 and 初中), which say them when all are asked. */
  together?: Array<[string, string[]]>;
}

/** Kinds of one family that are not each other: 初中 is no 高中, 火电 no 新能源. */
const SIBLING_KINDS: SiblingFamily[] = [
  {
    kinds: [['幼儿园', ['幼儿园', '学前']], ['小学', ['小学', '中小学']], ['初中', ['初中', '中学', '中小学']], ['高中', ['高中', '中学', '中小学']], ['大学', ['大学', '高校']]],
    together: [['义务教育', ['小学', '初中']]],
  },
  { kinds: [['火电', ['火电', '煤电', '燃煤', '火力发电']], ['新能源', ['新能源', '风电', '光伏', '可再生能源', '清洁能源']], ['水电', ['水电']], ['核电', ['核电']]] },
];

/** A kind numbered by its grade (二级医院, 5A级景区, 四星级): the other grades are other kinds. */
const GRADED_KIND = /([一二三四五]|[1-5])(级|星|a)/gi;
const GRADES = ['一二三四五', '12345'];

/** By family, the words that say the kinds the question names, and the names of the family's other kinds. */
function siblingsAsked(question: string): Array<{ saying: string[]; others: string[] }> {
  const named = SIBLING_KINDS.flatMap(({ kinds, together = [] }) => {
    const asked = kinds.filter(([name]) => question.includes(name));
    if (asked.length === 0) return [];
    const names = asked.map(([name]) => name);
    const jointly = together.filter(([, of]) => of.every((name) => names.includes(name))).map(([word]) => word);
    return [{ saying: [...asked.flatMap(([, words]) => words), ...jointly], others: kinds.filter((kind) => !asked.includes(kind)).map(([name]) => name) }];
  });
  const graded = [...question.toLowerCase().matchAll(GRADED_KIND)].map(([grade, number, kind]) => {
    const numbers = GRADES.find((all) => all.includes(number))!;
    return { saying: [grade], others: [...numbers].filter((other) => other !== number).map((other) => other + kind) };
  });
  return [...named, ...graded];
}

/** "新建几所公办初中" is not answered by "新改扩建公办高中7所": the sentence names another kind of the family and none the question asks. */
function saysSiblingInstead(families: ReturnType<typeof siblingsAsked>, sentence: string): boolean {
  return families.some(({ saying, others }) => !saying.some((word) => sentence.includes(word)) && others.some((name) => sentence.includes(name)));
}

/** "农村低保…多少钱" is not answered by "城市低保…842元/月": the sentence names the asked thing with the counterpart qualifier and never the asked one. */
function saysCounterpart(sides: ReturnType<typeof counterpartsAsked>, sentence: string): boolean {
  return sides.some(({ asked, counterparts }) => !asked.some((word) => sentence.includes(word)) && counterparts.some((phrase) => sentence.includes(phrase)));
}

/** A clause that opens with how much a thing changed (增长5.2%, 同比下降3%), naming no thing of its own. */
const ONLY_CHANGE = /^(?:同比|比上年|较上年)?(?:增长|下降|提高|降低|增加|减少|上涨|回落|分别增长|分别下降)\s*[\d.]/;
/** A clause that opens with how many people or households the thing before reached ("…建设，3947户家庭实现安居梦"). */
const PEOPLE_FIRST = /^\d[\d.]*\s*[万]?\s*(?:户|人|名|人次)/;
/** A clause that only says how much a thing came to (总量达到13317.78亿元, 净增1307.02亿元, 总里程达到248公里), naming no thing of its own. */
const ONLY_AMOUNT = /^(?:净增|总量|总额|总计|合计|规模|(?:新增|运营|通车)?总?里程|全长|总长)(?:达到|达|突破|超过|为|增至|升至)?\s*[\d.]/;

/** Before an amount, what says it is reached or done (博物馆达到108座, 新增12座), not a noun it counts (幼儿园10所). */
const VERB_BEFORE_AMOUNT = /(?:达到|达|为|是|有|增|增加|增长|新增|新建|建成|建设|完成|超过|突破|累计|共|约|近|至|到|了|各|分别|计|办|建|开|开通|引进|培育|打造|实施|推出|举办|发放|接待|帮扶|解决|提供|改造|整治|带动|吸引|实现|落地|签约|认定|评选|创建|入选|获评|拥有|超|逾|余|总数|总量|总计)$/;

const QUOTED = /[“"「]([\u3400-\u9fff]{3,12})[”"」]/g;
const ASKS_WHAT_IS_SAID = /有没有提|提没提|提到|提了|提过|是不是|怎么说|怎么提|咋说|咋提|原话|怎么写|咋写/;

/** After an amount, what goes on with it rather than naming a thing it counts: more of its unit (亿元, 万个, 万人次, 平方米), 左右, 以上, 余, 的. */
const AMOUNT_GOES_ON = /^[万亿千百元人次吨米亩顷瓦时平方公里个件项所座家户条场批类种位名块台辆套张处斤克升度天周倍轮届箱的以左余多及和、等之]/;

/**
 * Whether the clause has an amount, and, when the question counts a thing (多少博物馆: `counted`, the
 * ways to say it), one that is not a count of another thing: "3块“金字招牌”" counts 金字招牌 and
 * "32场演唱会" 演唱会, while "博物馆达到108座", "108座博物馆" and "34项重要民生实事" count what is asked.
 */
function countsAsked(clause: string, amount: RegExp, counted: string[], countedHead?: string): boolean {
  if (counted.length === 0) return amount.test(clause);
  for (const match of clause.matchAll(new RegExp(amount.source, 'g'))) {
    const after = clause.slice(match.index + match[0].length);
    // 5A级, 5G: a grade or a name, no amount.
    if (/^[a-z]/i.test(after)) continue;
    // 20万游客: the asked people are the unit of the count itself.
    if (counted.some((way) => match[0].endsWith(way))) return true;
    if (counted.some((way) => after.slice(0, way.length + 5).includes(way))) return true;
    // "11.08万套保交房任务": a noun after the amount that ends in the asked noun's head (房 of 房子) is of its kind.
    if (countedHead && /^[\u3400-\u9fff]{0,4}/.exec(after)![0].includes(countedHead)) return true;
    // 3块“金字招牌”, 32场演唱会: a name or a noun after the amount is what it counts.
    if (/^\s*[“"《「]/.test(after) || (/^[\u3400-\u9fff]/.test(after) && !AMOUNT_GOES_ON.test(after))) continue;
    // The amount pattern starts at an amount's last digit: the digits before it are the amount too.
    const before = clause.slice(0, match.index).replace(/[\d.\s]+$/, '');
    // Before the amount, the noun it counts ends where a verb may stand (博物馆达到108座); 消费券超7亿元 counts 券, not 消费.
    const nounBefore = before.replace(VERB_BEFORE_AMOUNT, '');
    if (counted.some((way) => nounBefore.endsWith(way))) return true;
    // The asked noun's head (项目 of 几个基础再造工程项目, 债 of 多少专项债) ending the noun before the amount counts it too.
    if (countedHead && nounBefore.slice(-3).includes(countedHead)) return true;
    // "幼儿园10所": an amount right after a noun, with no verb between, counts that noun.
    if (/[\u3400-\u9fff]$/.test(before) && nounBefore === before) continue;
    return true;
  }
  return false;
}

/** "多少博物馆", "几家企业": the noun a question counts; not a kind (几种做法) nor an amount of something else (多少钱). */
const COUNTED = /(?:多少|几)[个家座所条项件处位名台辆套张块]?([\u3400-\u9fff]+)/;

/** The words after 多少/几 (and a measure word), up to the end of the Chinese run, without a closing particle. */
function countedPhrase(question: Question): string | undefined {
  return question.text.match(COUNTED)?.[1].replace(/[呢吗啊呀吧了的]+$/, '');
}

/** The question's concept that `after` (its counted phrase) begins with. */
function countedNoun(question: Question, after: string): Concept | undefined {
  // An English question's concept is labelled in English ("museums") and said in Chinese (博物馆).
  const named = (c: Concept) => after.startsWith(c.label) || (c.kind === 'english' && c.variants.some((v) => v.length > 1 && after.startsWith(v)));
  return question.concepts.find((c) => c.kind !== 'figure' && !c.asksFor && c.label.length > 1 && named(c) && (!c.tag || c.tag.startsWith('n')));
}

/** The kind of answer that is a role: what a place or thing is to become. */
const ROLE = /^(?:定位|方向|角色|功能|发展方向|功能定位)$/;
/** A figure of a plan period: an annual average, or what five years did (五年来, 十四五时期). */
const PERIOD_FIGURE = /年均|五年来|过去(?:的)?五年|十[三四五]五(?:时期|期间|以来)/;
/** A question that asks an average, a total so far or several years itself. */
const PERIOD_ASKED = /年均|平均|累计|总共|一共|几年|五年|这些年|近年/;
/** Verbs that give a thing its role, right after it: 古交打造…, 清徐建设…, 阳曲定位为…. */
const BECOMES = /^.{0,2}?(?:打造|建设|建成|成为|定位|发展为|发展成|争创|创建)/;

/** Whether the sentence makes one of the named things the subject of becoming something. */
function roleStated(sentence: string, things: string[]): boolean {
  return things.some((thing) => {
    for (let at = sentence.indexOf(thing); at >= 0; at = sentence.indexOf(thing, at + 1)) if (BECOMES.test(sentence.slice(at + thing.length))) return true;
    return false;
  });
}

/** A sentence's Chinese characters as toneless pinyin, each syllable between spaces, "|" for anything else. */
function soundsOf(sentence: string): string {
  return ` ${[...sentence].map((c) => (/[\u3400-\u9fff]/.test(c) ? syllableOf(c) : '|')).join(' ')} `;
}

/** The question's words of two or more Chinese characters by their first character. */
function initialsOf(concepts: Concept[]): Map<string, string[]> {
  const initials = new Map<string, string[]>();
  for (const { label } of concepts) {
    if (!/^[\u3400-\u9fff]{2,}$/.test(label)) continue;
    initials.set(label[0], [...(initials.get(label[0]) ?? []), label]);
  }
  return initials;
}

/**
 * Words a sentence says by their first characters run together, as reports shorten a list of three
 * or more (客运、货运、邮政 -> 客货邮, 产业、学校、研究 -> 产学研): the labels of every such word.
 */
function abbreviatedIn(sentence: string, initials: Map<string, string[]>): Set<string> {
  const said = new Set<string>();
  if (initials.size < ABBREVIATED_WORDS) return said;
  let run: string[] = [];
  const close = () => {
    if (new Set(run).size >= ABBREVIATED_WORDS) for (const initial of run) for (const label of initials.get(initial)!) said.add(label);
    run = [];
  };
  for (const character of sentence) {
    if (initials.has(character)) run.push(character);
    else close();
  }
  close();
  return said;
}

/**
 * Two words the question says one after the other (composite index, 综合 指数) and the ways a report
 * shortens them to their first characters (综指). Two characters also meet by chance inside other
 * words, so only a pair the question says in a row counts.
 */
function adjacentPairs(question: Question): Array<{ labels: [string, string]; shortened: string[] }> {
  const text = question.text.toLowerCase();
  // A Chinese word by its own first character (not its variants': 口 of 口袋公园 is no 公园); an English one by its renderings'.
  const initials = (c: Concept) => [...new Set((c.kind === 'english' ? c.variants : [c.label]).filter((v) => /^[\u3400-\u9fff]{2,}$/.test(v)).map((v) => v[0]))];
  const pairs: Array<{ labels: [string, string]; shortened: string[] }> = [];
  for (const a of question.concepts) {
    for (const b of question.concepts) {
      if (a === b) continue;
      // An English question is read through its Chinese stand-in, which says each word's first rendering.
      const follows = [a.label, a.variants[0]].some((x) => [b.label, b.variants[0]].some((y) => text.includes(`${x}${y}`) || text.includes(`${x} ${y}`)));
      if (!follows) continue;
      const shortened = initials(a).flatMap((x) => initials(b).map((y) => x + y));
      if (shortened.length > 0) pairs.push({ labels: [a.label, b.label], shortened });
    }
  }
  return pairs;
}

/** How many words a run of first characters must shorten: two (中国 for 中心、国家) happen by chance. */
const ABBREVIATED_WORDS = 3;

/**
 * A described term not named: said almost fully (`describedPresence`) where the sentence says every side the question
 * describes it by (升级改造农村公路超4000公里 for 农村的路…修…公里), else in part, as the share of those sides it says (up to `partPresence`).
 */
function sidesSaid(concept: Concept, sentence: string, tuning: AnswerTuning): number {
  if (!concept.sideWords) return 0;
  const said = concept.sideWords.filter((words) => words.some((word) => sentence.includes(word))).length;
  return said === concept.sideWords.length ? tuning.describedPresence : (tuning.partPresence * said) / concept.sideWords.length;
}

/** Text as the judge compares it with a concept's variants: lower case, without white space. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** A lead into a list ends with "：" and its items with "；": "主要预期目标是：" leads the items after it in its run. */
const LEAD = /^(.*[：:])[^：:]*；$/;
const ITEM_END = /；$/;
/** A list's heading, a count and what it counts ("6大战略定位。"), leads the numbered items after it ("一是…。二是…。"). */
const COUNT_HEADING = /^([\d一二三四五六七八九十两]+(?:大|条|项|个|方面|点|件|种)[^，,。；：:]{1,12})。$/;
const NUMBERED_ITEM = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、是])/;

/** The lead the sentence's list item continues ('' when none), given the lead so far and the sentence before. */
function leadOf(lower: string, previous: Sentence | undefined, sentence: Sentence, lead: string): string {
  const own = lower.match(LEAD)?.[1] ?? lower.match(COUNT_HEADING)?.[1];
  if (own) return own;
  const continues = previous && previous.run === sentence.run && (ITEM_END.test(previous.text.trim()) || (lead !== '' && NUMBERED_ITEM.test(lower)));
  return continues ? lead : '';
}

/**
 * Each concept's weight in coverage: its own (rarity, kind of word). When the asking clauses name a
 * topic, a word of the asker's situation (`Concept.situation`) weighs `situationWeight` of it and the
 * kind of answer asked for (`Concept.asksFor`: 定位 of "对阳曲的定位是什么") its own, both only where a
 * sentence says them (`optional`): what the asker tells about themselves neither makes a sentence an
 * answer nor keeps one from being it, and an answer states a 定位 without naming it. Unless nothing
 * else names a topic: "…老让重复做检查，政府有没有说要改？" asks about what it told.
 */
export function weighConcepts(concepts: Concept[], weightOf: ConceptWeight, tuning: AnswerTuning = ANSWER_TUNING): WeighedConcept[] {
  const weighed = concepts.map((concept) => ({ concept, weight: weightOf(concept), optional: false }));
  if (!asksOwnTopic(concepts)) {
    const topic = storyTopic(weighed);
    const asideOfStory = (concept: Concept) => concept.situation === true && !topic.includes(concept);
    return weighed.map((w) => (asideOfStory(w.concept) ? { ...w, weight: w.weight * tuning.situationWeight, optional: true } : w));
  }
  return weighed.map(({ concept, weight }) =>
    concept.situation ? { concept, weight: weight * tuning.situationWeight, optional: true } : { concept, weight, optional: concept.asksFor === true },
  );
}

/**
 * What a question that points back at its story ("…2025年的报告里是怎么说的？") asks about: what the
 * asker heard ("听说市里要成立一个专门搞文旅的公司"), else the story less the asker's own clauses
 * (我在晋祠附近开了个农家乐), else the whole story. A part counts only when it names a thing that weighs.
 */
function storyTopic(weighed: Array<{ concept: Concept; weight: number }>): Concept[] {
  const story = weighed.filter((w) => w.concept.situation);
  const namesThing = (part: typeof story) => part.some((w) => w.weight > 0 && isTopicWord(w.concept));
  const heard = story.filter((w) => w.concept.told === 'heard');
  const notAboutAsker = story.filter((w) => w.concept.told !== 'asker');
  const topic = namesThing(heard) ? heard : namesThing(notAboutAsker) ? notAboutAsker : story;
  return topic.map((w) => w.concept);
}

/**
 * A sentence that names years, none of them asked, speaks of another time; so does one in a part
 * of a report about another year (the 2024 report's review speaks of 2023: `fit` is 0) unless it
 * says the asked year as its report's 今年 or 去年 ("今年我区有17万应届大学生毕业" in a review), and a
 * review of a five-year plan period (十四五) when one year is asked — unless the sentence or its
 * section names an asked year. Comparisons take any year.
 */
function yearMismatch(question: Question, sentence: string, hit: SearchHit): boolean {
  if (question.years.length === 0 || question.comparison) return false;
  // A plan's deadline ("到2025年底再引进10家") is a later year the asked year's plan names, not another year's plan.
  const deadline = (year: number, at: number) =>
    hit.passage.sectionKind === 'plan' && question.years.every((y) => year > y) && (BY_YEAR.test(sentence.slice(0, at)) || YEAR_BEFORE.test(sentence.slice(at)));
  const named = [...sentence.matchAll(SENTENCE_YEARS)].filter((m) => !deadline(Number(m[1]), m.index)).map((m) => Number(m[1]));
  // Asked of the report of a year, a sentence of it may name the year it reviews, or none.
  const ofNamedReport = question.yearsNameReports === true && hit.fit > 0;
  const asked = ofNamedReport ? question.years.flatMap((y) => [y, y - 1]) : question.years;
  if ([...named, ...yearsSaidRelatively(sentence, hit.reportYear)].some((y) => asked.includes(y))) return false;
  if (named.length > 0) return true;
  if (ofNamedReport) return false;
  // A heading such as "2025 知难克难" speaks of its year; the report's own title ("2024年政府工作报告") does not.
  if (question.years.some((y) => new RegExp(`${y}(?!年?(?:政府)?工作报告)`).test(hit.passage.section))) return false;
  if (hit.fit === 0) return true;
  // "全力推动“十五五”开好局、起好步": a heading that starts the period well is its first year's plan, no part of the period's own.
  const periodSection = PLAN_PERIOD.test(hit.passage.section) && !PERIOD_START.test(hit.passage.section);
  const periodSaid = periodSection ? 'section' : PLAN_PERIOD.test(sentence) ? 'sentence' : undefined;
  if (question.period || !periodSaid) return false;
  // A year's plan that links to the period (联动“十五五”规划项目盘子) is the year's plan, and the period's own part
  // (布局“十五五”) answers an item asked of its lists (基本原则的第五条); a figure of the period is none of the year.
  const yearsPlan = hit.passage.sectionKind === 'plan' && !asksFigure(question) && (periodSaid === 'sentence' || question.ordinal !== undefined);
  return !yearsPlan;
}

/** 开好局, 起好步, 开局之年: what a plan period's first year is called. */
const PERIOD_START = /开好局|起好步|开局/;

/** 每天有近20万游客, 日均: an amount in a day, a week or a month, no total of a year. */
const PER_SHORT_PERIOD = /每[天日周月]|每个月|一天|一个月|一周|日均|周均|月均/;

/** "晋中2024年接待游客多少人次？" is not answered by "每天有近20万游客": every amount in the asked unit is one of a day, a week or a month. */
function onlyPerShortPeriod(sentence: string, inUnit: RegExp): boolean {
  const clauses = sentence.split(CLAUSE_END).filter((clause) => inUnit.test(clause));
  return clauses.length > 0 && clauses.every((clause) => PER_SHORT_PERIOD.test(clause));
}

/** How much a thing changed, asked: 增加了多少天, 多了几个, 比上年少多少. */
const CHANGE_ASKED = /增加|减少|增长|下降|提高|降低|上升|多了|少了|多出|少出|变化|比上年|同比|比去年|涨|降|[多少][\u3400-\u9fff]?了?\s*(?:多少|几)/;
/** An amount said as a change (同比增加10天, 比上年减少3个). */
const CHANGE_BEFORE = /(?:增加|减少|增长|下降|提高|降低|上升|多|少)了?\s*$/;

/** "成都2024年空气优良天数一共是多少天？" is not answered by "优良天数同比增加10天": every amount in the asked unit is a change. */
function onlyChange(sentence: string, inUnit: RegExp): boolean {
  const amounts = [...sentence.matchAll(new RegExp(inUnit.source, 'g'))];
  return amounts.length > 0 && amounts.every((m) => CHANGE_BEFORE.test(sentence.slice(Math.max(0, m.index - 6), m.index)));
}

/**
 * "过了两万亿，具体是多少亿？", "那100公里步道修成了几公里？": every amount the sentence gives in the
 * asked unit is one the asker told, so it does not say the amount asked for.
 */
function onlyTold(sentence: string, inUnit: RegExp, told: string[]): boolean {
  if (told.length === 0) return false;
  const amounts = [...sentence.matchAll(new RegExp(inUnit.source, 'g'))].map((m) => inDigits(m[0].replace(/\s+/g, '')));
  return amounts.length > 0 && amounts.every((amount) => told.some((figure) => amount.startsWith(figure) || figure.startsWith(amount)));
}

/** 两万亿 -> 2万亿, 十件 -> 10件: a leading numeral in digits, as amounts are compared. */
function inDigits(amount: string): string {
  return amount.replace(/^[两二三四五六七八九十]+/, (numeral) => String(numberOf(numeral)));
}

/** A count in one of the units, in digits (10个, 3.2万人) or in words (十件, 两所; not 一, mostly "a", nor 千家万户); not an ordinal (第1000万辆) unless one is asked (第几届). */
function unitPattern(units: string[], ordinalAsked = false): RegExp {
  const said = units.map((unit) => `${unit}${unit === '个' ? NOT_A_COUNT : ''}`).join('|');
  const notOrdinal = ordinalAsked ? '' : '(?<!第)';
  // 20余万, 1.1万余个: "more than" before or after the order of magnitude.
  return new RegExp(`(?:(?<![\\d.])${notOrdinal}\\d[\\d.]*\\s*[余多]?\\s*[万亿千百]?\\s*[余多]?|${notOrdinal}[两二三四五六七八九十][两二三四五六七八九十百千万]*[余多]?)\\s*(?:${said})`);
}

/**
 * 减负 of 减轻基层负担, 医保 of 医疗保障: a two-character word made of the first characters of two words,
 * its characters one to four apart in one run of Chinese, the second with a character after it.
 */
function abbreviates(word: string, sentence: string): boolean {
  return new RegExp(`${word[0]}[\\u3400-\\u9fff]{1,4}?${word[1]}[\\u3400-\\u9fff]`).test(sentence);
}

/** Whether `sentence` says `word` with at most `extra` characters inside it: its characters in order, from its first to its last, in a span at most `extra` longer. */
function elided(word: string, sentence: string, extra = 2): boolean {
  for (let start = sentence.indexOf(word[0]); start >= 0; start = sentence.indexOf(word[0], start + 1)) {
    let at = start;
    for (let i = 1; i < word.length && at >= 0; i++) at = sentence.indexOf(word[i], at + 1);
    if (at >= 0 && at - start + 1 <= word.length + extra) return true;
  }
  return false;
}

/** "打通8条断头（瓶颈）路": another name put in brackets inside a word, which says the word around it too. */
const INSERTED_NAME = /(?<=[\u3400-\u9fff])（[\u3400-\u9fff]{1,6}）(?=[\u3400-\u9fff])/g;

/**
 * 1 when the sentence says the concept (a variant, also with a bracketed name put inside it, as
 * `uninterrupted` reads the sentence; or a word of four or more characters with one
 * more inside it), less when only its passage (`context`: the
 * passage with its section title, lower-cased) does (`contextPresence`) or only parts of a longer
 * word match (its head, the last two characters, among them; up to `partPresence`).
 */
function presenceOf(variants: string[], sentence: string, uninterrupted: string, context: string, tuning: AnswerTuning): number {
  if (variants.some((v) => sentence.includes(v) || uninterrupted.includes(v))) return 1;
  const inContext = variants.some((v) => context.includes(v)) ? tuning.contextPresence : 0;
  const word = variants[0];
  // "串成" in "串联成线": a two-character word with one character put in it is said in part.
  if (word.length === 2) return /[\u3400-\u9fff]{2}/.test(word) && (elided(word, sentence, 1) || abbreviates(word, sentence)) ? Math.max(inContext, tuning.partPresence) : inContext;
  // A Chinese compound names its head last: without it (规上工业企业 for 规上工业增加值) it is another thing.
  // One character put inside a word of four or more (普惠托位 in 普惠性托位, 粮食产量 in 粮食总产量) leaves it the same word;
  // two, or one inside a shorter word, leave it said in part.
  if (word.length >= 4 && elided(word, sentence, 1)) return 1;
  if (elided(word, sentence)) return Math.max(inContext, tuning.partPresence);
  if (!sentence.includes(word.slice(-2))) return inContext;
  let found = 0;
  for (let i = 0; i + 1 < word.length; i++) if (sentence.includes(word.slice(i, i + 2))) found++;
  return Math.max(inContext, (tuning.partPresence * found) / (word.length - 1));
}
