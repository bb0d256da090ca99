import { segmenter } from '../text/tokenize.js';
import { FIGURE_SETTINGS } from './settings.js';
import type { Measure, Statement } from './types.js';

type Settings = typeof FIGURE_SETTINGS;

/** A piece of a sentence between its commas (or semicolons, colons), with where it starts. */
interface Clause {
  text: string;
  at: number;
}

/** A number in a clause, read with its unit and qualifier; `usable` false for a rank, a year or a starting point. */
interface Reading {
  value: string;
  number: number;
  unit: string;
  qualifier: string;
  start: number;
  end: number;
  usable: boolean;
}

const MAJOR_BREAK = /[，；;：]|,(?!\d)|:(?!\d)/g;
const NUMBER = /\d+(?:\.\d+)?/g;
const CJK = /[\u3400-\u9fff]/;
const OPEN_QUOTE = /[“"「『《]/g;
const CLOSE_QUOTE = /[”"」』》]/g;

/**
 * The indicator statements of one sentence, by general patterns of report Chinese: an indicator's
 * name, a verb of measure (增长, 下降, 达到, 控制在…) and a number with its unit and qualifier
 * (5%左右, 8万人, 4.73); a value printed before its indicator (3.02万套保障性租赁住房); a clause that
 * only adds a figure (…，增长31.9%) speaking of the indicator before it; and 用电量、铁路货运量分别增长6.7%、11.4%.
 * Values are slices of the sentence, so they are verbatim.
 */
export function extractStatements(sentence: string, settings: Settings = FIGURE_SETTINGS): Statement[] {
  const statements: Statement[] = [];
  let subject = '';
  for (const major of splitClauses(sentence, MAJOR_BREAK, 0)) {
    const respectively = major.text.indexOf('分别');
    if (respectively > 0) {
      const paired = respectivelyStatements(major, respectively, settings);
      statements.push(...paired);
      subject = paired.at(-1)?.indicator ?? subject;
      continue;
    }
    for (const clause of splitClauses(major.text, /、/g, major.at)) {
      if (settings.comparing.test(clause.text)) continue;
      const found = clauseStatements(clause, subject, settings);
      statements.push(...found.statements);
      subject = found.subject;
    }
  }
  return statements;
}

function splitClauses(text: string, breaks: RegExp, offset: number): Clause[] {
  const clauses: Clause[] = [];
  let from = 0;
  for (const cut of text.matchAll(breaks)) {
    if (insideQuotes(text, cut.index)) continue;
    clauses.push({ text: text.slice(from, cut.index), at: offset + from });
    from = cut.index + cut[0].length;
  }
  clauses.push({ text: text.slice(from).replace(/[。！？]$/, ''), at: offset + from });
  return clauses.filter((c) => c.text.trim().length > 0);
}

/** The statements of one clause; `subject` is the indicator the clause before spoke of (for …，增长31.9%). */
function clauseStatements(clause: Clause, subject: string, settings: Settings): { statements: Statement[]; subject: string } {
  const statements: Statement[] = [];
  let from = 0;
  let own = '';
  for (const reading of readNumbers(clause.text, settings)) {
    const before = clause.text.slice(from, reading.start);
    from = reading.end;
    const { name, measure } = nameBefore(before, settings);
    if (name) own = name;
    if (!reading.usable) continue;
    let indicator = name;
    if (!indicator) {
      const after = nameAfter(clause.text.slice(reading.end), settings);
      indicator = after && statements.length === 0 ? after : own || subject;
    }
    if (!isIndicator(indicator, settings)) continue;
    statements.push({ indicator, value: reading.value, number: reading.number, unit: reading.unit, qualifier: reading.qualifier, measure: measureOf(measure, reading), valueStart: clause.at + reading.start });
  }
  if (!own && statements.length === 0) own = nameBefore(leadingPhrase(clause.text, settings), settings).name;
  return { statements, subject: own || statements.at(-1)?.indicator || subject };
}

/** "用电量、铁路货运量分别增长6.7%、11.4%": names and values paired in order, when they are as many. */
function respectivelyStatements(clause: Clause, at: number, settings: Settings): Statement[] {
  const names = clause.text
    .slice(0, at)
    .split('、')
    .map((part) => nameBefore(part, settings).name);
  const tail = clause.text.slice(at + 2);
  const verb = longestPrefix(tail, [...settings.growthVerbs, ...settings.declineVerbs, ...settings.levelVerbs]);
  const readings = readNumbers(tail, settings).filter((r) => r.usable);
  if (readings.length !== names.length || !names.every((n) => isIndicator(n, settings))) return [];
  const measure = verbMeasure(verb, settings);
  return readings.map((r, i) => ({
    indicator: names[i],
    value: r.value,
    number: r.number,
    unit: r.unit,
    qualifier: r.qualifier,
    measure: measureOf(measure, r),
    valueStart: clause.at + at + 2 + r.start,
  }));
}

/** Numbers with a unit (or a decimal index such as 4.73), with the qualifier after them. */
function readNumbers(text: string, settings: Settings): Reading[] {
  const readings: Reading[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const previous = text[start - 1] ?? '';
    // PM2.5, COD: a number inside a name; 1,000 and 3.02 are read whole by the pattern.
    if (/[A-Za-z_{.]/.test(previous)) continue;
    let end = start + match[0].length;
    const rest = text.slice(end);
    const space = rest.match(/^\s*/)![0];
    const unit = unitAt(rest.slice(space.length), settings);
    if (unit) end += space.length + unit.length;
    if (unit && settings.durations.test(text.slice(end))) continue;
    const qualifier = longestPrefix(text.slice(end), settings.qualifiers);
    end += qualifier.length;
    const isDecimalIndex = !unit && match[0].includes('.') && !/^\s*[年月日号]/.test(rest);
    if (!unit && !isDecimalIndex) continue;
    const before = text.slice(0, start).replace(/-$/, '');
    const usable = !settings.notAValueAfter.test(before) && !insideQuotes(text, start);
    const value = text.slice(start, end);
    readings.push({ value, number: Number(match[0].normalize('NFKC')), unit: unit.replace('余', '').normalize('NFKC'), qualifier, start, end, usable });
  }
  return readings;
}

/** The indicator named before a value, and the verb of measure between them. */
function nameBefore(text: string, settings: Settings): { name: string; measure: Measure | undefined } {
  let name = text.trim().replace(/[由从]\s*-?$/, '').trim();
  const verbs = [...settings.growthVerbs, ...settings.declineVerbs, ...settings.levelVerbs].sort((a, b) => b.length - a.length);
  const verb = verbs.find((v) => name.endsWith(v)) ?? '';
  name = name.slice(0, name.length - verb.length).trim();
  // 涨幅控制在3%左右: the growth is what is held at the level.
  const growth = verb && !isGrowthOrDecline(verb, settings) ? [...settings.growthVerbs, ...settings.declineVerbs].find((v) => name.endsWith(v)) : undefined;
  if (growth) name = name.slice(0, name.length - growth.length).trim();
  name = name.replace(/同比$/, '');
  name = afterLastLeadWord(name, settings).replace(/^[的\s]+/, '').trim();
  return { name: namesAThing(name) ? name : '', measure: verbMeasure(growth ?? verb, settings) };
}

/** The indicator after a value printed first (3.02万套保障性租赁住房基本建成), up to a word of status. */
function nameAfter(text: string, settings: Settings): string {
  if (/\d/.test(text)) return '';
  const stops = [...settings.statusWords, ...settings.leadWords, ...settings.levelVerbs].map((word) => text.indexOf(word)).filter((at) => at > 0);
  const name = text.slice(0, stops.length > 0 ? Math.min(...stops) : text.length).trim();
  return CJK.test(name[0] ?? '') && name.length <= settings.maxNameAfterChars && namesAThing(name) ? name : '';
}

/** A clause's words up to its first verb of measure or number (全市经济总量跃升至全省第4位 -> 全市经济总量). */
function leadingPhrase(text: string, settings: Settings): string {
  const verbs = [...settings.growthVerbs, ...settings.declineVerbs, ...settings.levelVerbs, '跃升'];
  const cuts = [...verbs.map((v) => text.indexOf(v)), text.search(/\d/)].filter((i) => i > 0);
  return cuts.length > 0 ? text.slice(0, Math.min(...cuts)) : '';
}

/** The words after the last lead word that jieba reads as a word of its own (建设 of 新改扩建设施 is none). */
function afterLastLeadWord(name: string, settings: Settings): string {
  const boundaries = new Set([0]);
  let at = 0;
  for (const word of segmenter().cut(name, true)) boundaries.add((at += word.length));
  let cut = 0;
  for (const word of settings.leadWords) {
    for (let found = name.indexOf(word); found >= 0; found = name.indexOf(word, found + 1)) {
      const end = found + word.length;
      if (end > cut && boundaries.has(found) && boundaries.has(end) && !insideQuotes(name, found)) cut = end;
    }
  }
  return name.slice(cut);
}

/** Whether the words name a thing: 严保严管 and 转为 are only verbs (as jieba tags them); 老旧小区改造 and 一般公共预算收入 name something. */
function namesAThing(words: string): boolean {
  if (!CJK.test(words)) return false;
  if (words.length >= 5) return true;
  return segmenter()
    .tag(words)
    .some(({ tag }) => !/^(v|vd|d|p|c|u|a|ad|r|y|m|q|x)$/.test(tag));
}

function isIndicator(name: string, settings: Settings): boolean {
  const characters = name.match(new RegExp(CJK.source, 'g'))?.length ?? 0;
  return characters >= 2 && name.length <= settings.maxIndicatorChars;
}

function isGrowthOrDecline(verb: string, settings: Settings): boolean {
  return ([...settings.growthVerbs, ...settings.declineVerbs] as string[]).includes(verb);
}

function verbMeasure(verb: string, settings: Settings): Measure | undefined {
  if ((settings.growthVerbs as readonly string[]).includes(verb)) return 'growth';
  if ((settings.declineVerbs as readonly string[]).includes(verb)) return 'decline';
  return verb ? 'level' : undefined;
}

/** A change is said in percent; a figure in any other unit after 增长 is an amount (增长 5000亿元 is rare and read as a level). */
function measureOf(verb: Measure | undefined, reading: Reading): Measure {
  if (verb && verb !== 'level' && /%|％|百分点/.test(reading.unit)) return verb;
  return 'level';
}

/** 万人, 1.1万余个, 5%, 亿元: a magnitude, 余 and a unit, as printed; a bare magnitude (2万) is a unit too. */
function unitAt(text: string, settings: Settings): string {
  const magnitude = longestPrefix(text, settings.magnitudes);
  const about = text.slice(magnitude.length).startsWith('余') ? '余' : '';
  const unit = longestPrefix(text.slice(magnitude.length + about.length), settings.units);
  return unit || magnitude ? magnitude + about + unit : '';
}

function longestPrefix(text: string, words: readonly string[]): string {
  let best = '';
  for (const word of words) if (word.length > best.length && text.startsWith(word)) best = word;
  return best;
}

function insideQuotes(text: string, at: number): boolean {
  const head = text.slice(0, at);
  return (head.match(OPEN_QUOTE)?.length ?? 0) > (head.match(CLOSE_QUOTE)?.length ?? 0);
}
