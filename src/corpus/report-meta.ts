import path from 'node:path';
import { digitsOf, numberOf } from '../text/numerals.js';
import { COUNTIES, OTHER_PLACES, PROVINCES, REGION_UNITS } from './places.js';
import { NATIONAL, type DocumentMeta, type Level } from './types.js';

/** The fields of a manifest entry that are read from a report's text. */
export type ReadField = 'title' | 'level' | 'city' | 'year' | 'reviews';

/** A report's metadata as read from its text, with the words each field was read from (empty when guessed). */
export interface ReadMeta {
  meta: DocumentMeta;
  from: Record<ReadField, string>;
}

/** How far into a report its title, session line and date are looked for. */
const HEAD_CHARS = 1500;
const CN_NUMBER = '[一二三四五六七八九十〇零\\d]+';
/** "在北京市第十六届人民代表大会第三次会议上", "在第十四届全国人民代表大会第三次会议上". */
const SESSION = new RegExp(`在([\\u4e00-\\u9fa5]{0,20}?)第${CN_NUMBER}届(全国)?人民代表大会第${CN_NUMBER}次会议`);
/** "我代表北京市人民政府", "我代表国务院": the government that reports (never a name glued to 代表). */
const ON_BEHALF = /代表(国务院|[\u4e00-\u9fa5]{2,20}?人民政府)/;
/** "北京市市长 殷勇", "国务院总理 李强". */
const SPEAKER = /(国务院总理|[\u4e00-\u9fa5]{2,20}?(?:省|市|自治区|县|区|旗))(?:人民政府)?(?:代理)?(?:省长|市长|主席|区长|县长|旗长)/;
/** A full date, the day a report was delivered: 2025年1月14日. */
const DATE = /(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
/** "2025年主要预期目标", "2025年全市经济社会发展主要预期目标", "2025年工作重点": the year a report plans, said in its plan part. */
const PLANNED_YEAR = /(20\d{2})年(?:全[省市区县州旗])?(?:经济社会发展的?)?(?:主要预期目标|主要目标|(?:政府)?(?:重点)?工作(?:安排|任务|重点))/;
/** A part heading reviewing a year ("一、2024年工作回顾", "一、“十四五”时期和2025年工作回顾"): the report plans the next one. */
const REVIEW_HEADING = /^[一二三四五六七八九十]+、.*?(20\d{2})年(?:工作)?回顾$/m;
const REPORT_NAME = /(?:政府)?工作报告/;
/** One administrative unit in a name: 山西省, 太原市, 小店区, 广西壮族自治区. */
const UNIT_SUFFIX = '(?:省|(?:壮族|回族|维吾尔)?自治区|市|县|区|旗)';
const UNIT = new RegExp(`[\\u4e00-\\u9fa5]+?${UNIT_SUFFIX}`, 'g');

/**
 * Reads a report's title, level, place and years from its text: the session line, "我代表…人民政府",
 * the speaker's line, dates and title lines (spaced ones such as "政 府 工 作 报 告" included), in
 * that order of trust. The file name gives only the id. `knownPlaces` are the places other reports
 * are about; the place a report names most often among them (and the places the project knows) is
 * the last resort.
 */
export function readMeta(file: string, source: string, knownPlaces: string[], titleCandidate?: string): ReadMeta {
  const head = source.slice(0, HEAD_CHARS).split('\n').map(unspaced).map(dateInDigits).filter(Boolean);
  const headText = head.join('\n');
  const place = placeFrom(headText) ?? mostNamedPlace(source, knownPlaces);
  const year = yearFrom(headText, source, titleCandidate);
  const reviews = year.value ? reviewedYear(source, year.value) : { value: 0, from: '' };
  const title = titleFrom(head, titleCandidate, place?.value, year.value);
  return {
    meta: {
      id: path.basename(file, path.extname(file)),
      file: path.basename(file),
      title: title?.value ?? path.basename(file, path.extname(file)),
      level: place?.value.level ?? 'city',
      city: place?.value.name ?? '',
      year: year.value,
      reviews: reviews.value,
    },
    from: {
      title: title?.from ?? '',
      level: place?.from ?? '',
      city: place?.from ?? '',
      year: year.from,
      reviews: reviews.from,
    },
  };
}

interface Place {
  name: string;
  level: Level;
  /** The unit the report names the place with: 省, 广西壮族自治区's 壮族自治区, 市, 区… */
  unit: string;
}

const NATIONAL_PLACE: Place = { name: NATIONAL, level: 'national', unit: '' };

interface Found<T> {
  value: T;
  from: string;
}

/** "政 府 工 作 报 告" -> "政府工作报告": spaces between Chinese characters are layout. */
function unspaced(line: string): string {
  return line
    .replace(/^[#*\s]+/, '')
    .replace(/(?<=[\u4e00-\u9fa5])[\s\u3000]+(?=[\u4e00-\u9fa5])/g, '')
    .trim();
}

/** A date written in Chinese numerals, as session lines often are: 二○二二年一月二十一日 -> 2022年1月21日. */
const NUMERAL_DATE = /([〇○Ｏ零一二三四五六七八九]{4})\s*年\s*(?:([一二三四五六七八九十]{1,3})\s*月\s*(?:([一二三四五六七八九十]{1,3})\s*日)?)?/g;

function dateInDigits(line: string): string {
  return line.replace(NUMERAL_DATE, (_, year: string, month?: string, day?: string) => `${digitsOf(year)}年${month ? `${numberOf(month)}月` : ''}${day ? `${numberOf(day)}日` : ''}`);
}

function placeFrom(head: string): Found<Place> | undefined {
  const session = head.match(SESSION);
  if (session?.[2]) return { value: NATIONAL_PLACE, from: session[0] };
  const sessionPlace = session && placeNamed(session[1]);
  if (sessionPlace) return { value: sessionPlace, from: session[0] };
  const onBehalf = head.match(ON_BEHALF);
  if (onBehalf?.[1] === '国务院') return { value: NATIONAL_PLACE, from: onBehalf[0] };
  const government = onBehalf && placeNamed(onBehalf[1].replace(/人民政府$/, ''));
  if (government) return { value: government, from: onBehalf[0] };
  const speaker = head.match(SPEAKER);
  if (speaker?.[1] === '国务院总理') return { value: NATIONAL_PLACE, from: speaker[0] };
  const speakerPlace = speaker && placeNamed(speaker[1]);
  if (speakerPlace) return { value: speakerPlace, from: speaker[0] };
  for (const line of head.split('\n').filter((l) => isTitleLine(l))) {
    const titled = placeNamed(line.split(REPORT_NAME)[0]);
    if (titled) return { value: titled, from: line };
  }
  return undefined;
}

/**
 * The place a name ends with, and its level from its last unit: "太原市小店区" is the district 小店,
 * "山西省" the province 山西, "北京市" the city 北京. Years and verbs before the name are not part of it.
 */
export function placeNamed(text: string): Place | undefined {
  const cleaned = text.replace(/20\d{2}\s*年度?/g, ' ').replace(/^.*(?:在|代表|我)/, '');
  const units = cleaned.match(UNIT);
  const last = units?.at(-1);
  if (!last) return undefined;
  const suffix = last.match(new RegExp(`${UNIT_SUFFIX}$`))![0];
  const bare = last.slice(0, -suffix.length);
  if (bare.length === 0) return undefined;
  const name = bare.length >= 2 ? bare : last;
  return { name, level: levelOfUnit(suffix), unit: name === last ? '' : suffix };
}

function levelOfUnit(unit: string): Level {
  return /省|自治区/.test(unit) ? 'province' : unit === '市' ? 'city' : 'county';
}

/** The place a report names most often (at least three times), among the places the project knows. */
function mostNamedPlace(source: string, knownPlaces: string[]): Found<Place> | undefined {
  const counties = Object.values(COUNTIES).flat();
  const candidates = new Set([...knownPlaces, ...Object.keys(COUNTIES), ...counties, ...OTHER_PLACES]);
  let best: { name: string; count: number } | undefined;
  for (const name of candidates) {
    const count = source.split(name).length - 1;
    if (count >= 3 && (!best || count > best.count)) best = { name, count };
  }
  if (!best) return undefined;
  const level: Level = PROVINCES.includes(best.name) ? 'province' : counties.includes(best.name) ? 'county' : 'city';
  return { value: { name: best.name, level, unit: unitMostNamedWith(source, best.name, level) }, from: `${best.name}（named ${best.count} times）` };
}

/**
 * The unit of the place's level a report writes after its name most often (长沙市, though 长沙县 is
 * named more), else the place's own (内蒙古自治区, not 内蒙古省) or its level's usual one.
 */
function unitMostNamedWith(source: string, name: string, level: Level): string {
  const counts = new Map<string, number>();
  for (const [, unit] of source.matchAll(new RegExp(`${name}(${UNIT_SUFFIX})`, 'g'))) {
    if (levelOfUnit(unit) === level) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  const [mostUsed] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return mostUsed ?? REGION_UNITS[name] ?? (level === 'province' ? '省' : level === 'city' ? '市' : '');
}

function yearFrom(head: string, source: string, titleCandidate?: string): Found<number> {
  const session = head.match(SESSION);
  const sessionDate = session && head.slice(Math.max(0, session.index! - 20), session.index! + session[0].length).match(DATE);
  if (sessionDate) return { value: Number(sessionDate[1]), from: session[0] };
  for (const line of [titleCandidate ?? '', ...head.split('\n')].filter(isTitleLine)) {
    const year = line.match(/(20\d{2})\s*年/);
    if (year) return { value: Number(year[1]), from: line };
  }
  const date = head.match(DATE);
  if (date) return { value: Number(date[1]), from: date[0] };
  const planned = source.match(PLANNED_YEAR);
  if (planned) return { value: Number(planned[1]), from: planned[0] };
  const reviewed = source.match(REVIEW_HEADING);
  return reviewed ? { value: Number(reviewed[1]) + 1, from: reviewed[0] } : { value: 0, from: '' };
}

/** A report delivered in Y looks back on Y-1, when its text speaks of that year. */
function reviewedYear(source: string, year: number): Found<number> {
  const said = source.match(new RegExp(`${year - 1}年|过去一年|一年来`));
  return { value: year - 1, from: said?.[0] ?? '' };
}

/** A session line (——2025年1月8日在…会议上), a speaker's line (市长 盛阅春, or the bare name 周海兵) or the greeting: no title. */
const NO_TITLE = /^[—－-]|会议上|(?:市长|省长|区长|县长|州长|主席|总理)\s*\S{1,4}$|^[\u4e00-\u9fa5]{2,4}$|^各位代表/;

/** A line that names a work report and is no sentence of it (向大会报告工作，…), nor a notice or resolution naming it in 《》. */
function isTitleLine(line: string): boolean {
  return REPORT_NAME.test(line.replace(/《[^》]*》/g, '')) && line.length <= 60 && !/[，。；：]/.test(line.replace(/（[^）]*）/g, ''));
}

/**
 * The report's own title: a title line (or the file's title, such as an HTML <title>). A bare
 * "政府工作报告", or none at all, gets the place and year it was read with, so that the list of
 * reports tells them apart; with neither known, the first short line that is no session, speaker or
 * greeting line.
 */
function titleFrom(head: string[], candidate: string | undefined, place: Place | undefined, year: number): Found<string> | undefined {
  const pageTitle = candidate?.split(/[_|｜]/).map(unspaced).find((part) => REPORT_NAME.test(part)) ?? '';
  const named = [pageTitle, ...head].find(isTitleLine);
  const bare = named?.replace(/\s/g, '') ?? '政府工作报告';
  if ((!named || /^(?:政府)?工作报告$/.test(bare)) && place && year) {
    const whose = place.level === 'national' ? '国务院' : `${place.name}${place.unit}`;
    return { value: place.level === 'national' ? `${year}年${whose}${bare}` : `${whose}${year}年${bare}`, from: named ?? '' };
  }
  if (named) return { value: named, from: named };
  const short = head.find((l) => l.length <= 30 && !/[。；]/.test(l) && !NO_TITLE.test(l)) ?? candidate?.trim();
  return short ? { value: short, from: short } : undefined;
}
