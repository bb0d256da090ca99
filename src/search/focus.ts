/**
 * Where a chat message asks. "我妈这两年老在几家医院之间跑，…花了不少冤枉钱。听说太原要搞检查结果互认，今年能互认多少项？"
 * tells about the asker in its first sentence and asks in its last: what kind of answer is wanted
 * (an amount, a unit, a plan or a result, 今年) is read from the asking sentences only, and the
 * words of the others weigh as the asker's situation. A sentence asks when it ends with a question
 * mark; where none does, when it has a question word. A sentence that does not ask tells when it
 * comes before the last question, speaks of the asker (我) or is a whole sentence after it. A message of one sentence, or with
 * nothing that tells, is asked whole.
 */
export interface Focus {
  /** The sentences that do not tell, joined; the whole text when the message is asked whole. */
  asked: string;
  /** Each asking sentence, in order, when there are several (a message may hold two questions); else the whole text. */
  questions: string[];
  /** [start, end) of each sentence that only tells. */
  telling: Array<[number, number]>;
  /** Those of them after the last question that do not speak of the asker: a comment on it ("…压力山大。"), no part of what is asked about. */
  comments: Array<[number, number]>;
}

/** A question word or request: 多少, 吗, 哪些, 有没有, 介绍, 说说… */
export const ASKS = /多少|(?<![好十这那])几|什么|啥|哪|谁|怎么|咋|如何|吗|呢|是否|有没有|有无|是不是|能不能|会不会|要不要|可不可以|介绍|说说|讲讲|列举|[?？]/;
/** A question word other than 几, which may be "a few" (see `tellingClauses`, `amountAskingClauses`). */
export const ASKS_BESIDES_JI = new RegExp(ASKS.source.replace('|(?<![好十这那])几', ''));
/** A sentence with the marks that end it. */
export const SENTENCE = /[^。！？!?\n]+[。！？!?\n]*/g;
const ENDS_ASKING = /[?？]\s*$/;
const FIRST_PERSON = /我|咱/;
const ENDS_TELLING = /[。！!]\s*$/;
const NARROWS = /^(?:到底|究竟)?是?[^，,。；;？?]{0,12}还是[^，,。；;？?]{0,12}[?？]?$/;
/** "高速呢？今年哪条能建成？": a topic put with 呢 and the question asked of it after are one question. */
const TOPIC_PUT = /^(?:那么?|还有)?[^，,。；;？?]{1,12}呢\s*[?？]$/;

export function focusOf(text: string): Focus {
  const sentences = [...text.matchAll(SENTENCE)]
    .flatMap((m) => splitLead({ start: m.index, end: m.index + m[0].length, text: m[0] }))
    .map((s) => ({ ...s, text: s.text.trim() }))
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text));
  // People leave the last question mark out ("…稳定在多少？顺便问下水土保持率要达到多少"): a last sentence with no mark that has a question word asks too.
  const last = sentences.at(-1);
  const unmarkedLast = last && !/[。！？!?]\s*$/.test(last.text) && ASKS.test(last.text) ? [last] : [];
  const marked = sentences.filter((s) => ENDS_ASKING.test(s.text));
  const asking = marked.length > 0 ? [...marked, ...unmarkedLast] : sentences.filter((s) => ASKS.test(s.text));
  const lastAsking = asking.at(-1);
  if (!lastAsking) return { asked: text, questions: [text], telling: [], comments: [] };
  // Words after the last question tell when they speak of the asker ("…多少？我是学生。") or are a sentence of their own, ended with a full stop ("…定位是什么？家里人都挺关心以后矿上还有没有活干。").
  const telling = sentences.filter((s) => !asking.includes(s) && (s.start < lastAsking.start || FIRST_PERSON.test(s.text) || ENDS_TELLING.test(s.text)));
  // "一是2024年原煤产量是多少；二是2025年煤炭产量打算稳定在多少？": each part asks on its own.
  const asked = asking.flatMap((s) => {
    const parts = s.text.split(/(?<=[；;])/).filter((part) => /[\p{L}\p{N}]/u.test(part));
    return parts.length > 1 && parts.every((part) => ASKS.test(part)) ? parts : [s.text];
  }).reduce<string[]>((joined, part) => {
    // "…是怎么安排的？是全面推还是试点？": a short either-or after a question narrows it, asks nothing new.
    if (joined.length > 0 && (NARROWS.test(part) || TOPIC_PUT.test(joined[joined.length - 1]))) joined[joined.length - 1] += part;
    else joined.push(part);
    return joined;
  }, []);
  const questions = asked.length > 1 ? asked : [text];
  if (telling.length === 0) return { asked: text, questions, telling: [], comments: [] };
  return {
    asked: sentences.filter((s) => !telling.includes(s)).map((s) => s.text).join(''),
    questions,
    telling: telling.map((s) => [s.start, s.end]),
    comments: telling.filter((s) => s.start > lastAsking.start && !FIRST_PERSON.test(s.text)).map((s) => [s.start, s.end]),
  };
}

/** "孩子回来问了我两个问题：2024年…？": a lead-in before a colon that asks nothing tells; the questions follow it. */
function splitLead(sentence: { start: number; end: number; text: string }): Array<{ start: number; end: number; text: string }> {
  const colon = sentence.text.search(/[：:]/);
  if (colon < 0) return [sentence];
  const lead = sentence.text.slice(0, colon + 1);
  const rest = sentence.text.slice(colon + 1);
  if (ASKS.test(lead) || !/[\p{L}\p{N}]/u.test(rest) || !/[\p{L}\p{N}]/u.test(lead)) return [sentence];
  const at = sentence.start + colon + 1;
  return [
    { start: sentence.start, end: at, text: lead },
    { start: at, end: sentence.end, text: rest },
  ];
}

/** "太原2025年说要…": a clause telling what a year's report said it would do. */
const TOLD_PLAN = /(?<!\d)(?:20)?\d{2}\s*年[^，,。？?]*?(?:说|提出|要|计划|打算|定了|提到)/;
export const ASKS_AMOUNT = /多少|几/;
/** "…进展到哪一步了？", "…建得咋样了？", "后来做成了吗？": asks how a thing went. */
const ASKS_PROGRESS = /进展|结果|做成|建成|建好|建起来|完成|落实|实现|兑现|怎么样了|咋样|哪一步|开通|通车|投用|落地|开工|运营|升[成为]|评上|入选/;

/**
 * "太原2025年说要实质性启动临空经济区建设，到2026年的报告里这事进展到哪一步了？": one sentence that tells
 * what a year's report planned and asks how it went, as the two questions it holds: what was
 * planned, and what came of it. Null for any other question.
 */
export function toldPlanThenProgress(question: string): [string, string] | null {
  const clauses = question.split(/(?<=[，,])/);
  if (clauses.length < 2) return null;
  const told = clauses.slice(0, -1).join('');
  const progress = clauses.at(-1)!;
  // "…说要X，到25年报告回顾时，这个先行区招进来多少企业？": the later time may be said in a clause of its own.
  const laterAmount = ASKS_AMOUNT.test(progress) && LATER.test(clauses.at(-2)!);
  if (!TOLD_PLAN.test(told) || ASKS.test(told) || !ASKS.test(progress) || !(ASKS_PROGRESS.test(progress) || asksHowMuchCame(progress) || laterAmount)) return null;
  return [told.replace(/[，,]\s*$/, ''), progress];
}

/** "…制造业投资和离岛免税销售额，哪个涨得更猛？", "…入境游人次和全市GDP，各涨了多少？": two things, each asked the same. */
const PAIRED_TOPICS = /^([^，,。？?]+?)(?:和|与|跟|以及)([^，,。？?]+?)[，,]\s*((?:各|分别|哪个|哪一个|哪项|谁)[^，,。？?]*)/;
/** Which of the two is more so (哪个涨得更猛, 谁更高): asked as how much each is. */
const WHICH_MORE = /^(?:哪个|哪一个|哪项|谁)(.*?)(?:得|的)?更[\u3400-\u9fff]$/;

/**
 * "海南2021年制造业投资和离岛免税销售额，哪个涨得更猛？": one sentence that asks the same of two things, as
 * the two questions it holds (each read with the place and year of the message). Null for any other question.
 */
export function pairedTopics(question: string): [string, string] | null {
  const match = question.match(PAIRED_TOPICS);
  if (!match) return null;
  const [, first, second, asking] = match;
  const which = asking.match(WHICH_MORE);
  const each = which ? `${which[1] || '是'}多少？` : `${asking.replace(/^(?:各自?|分别)/, '')}？`;
  return [`${first}${each}`, `${second}${each}`];
}

/** "最后", "到2025年报告里", "年底": a later time, from which what came of a plan is asked. */
const LATER = /后来|最后|最终|年底|回顾|实际|到(?:20)?\d{2}\s*年/;

/** Asks how much came of a thing (最后完成了多少？建成、开工了多少套？到2025年报告里新增了多少？). */
export function asksHowMuchCame(question: string): boolean {
  return ASKS_AMOUNT.test(question) && (ASKS_PROGRESS.test(question) || LATER.test(question));
}

/** Asks how a thing went (后来开工了吗？建得咋样了？), not how much came of it. */
export function asksProgress(question: string): boolean {
  return ASKS_PROGRESS.test(question) && !ASKS_AMOUNT.test(question);
}

