import { PLACE_NICKNAMES, COUNTIES, OTHER_PLACES, PREFECTURE_CITIES, PREFECTURE_CITIES_BY_PROVINCE, PROVINCE_SHORT_NAMES, PROVINCES } from '../corpus/places.js';
import { NATIONAL, type Level } from '../corpus/types.js';
import { cutWords } from '../text/tokenize.js';

/** The place a report is about and its level, as the manifest says (`city`, `level`). */
export interface ReportPlace {
  name: string;
  level: Level;
}

/** What a question says about where: the report places it asks about, the places no report covers, and the words read as places. */
export interface PlaceReading {
  /** Report places asked about (a county named for its city's report counts as the city). */
  cities: string[];
  /** Places named that no report covers. */
  otherPlaces: string[];
  /** The words read as the asked place (国家, 全省, 山西省): scope, not something an answer must say. A county of a report's city (古交) is not among them: the city's report says what it says of the county by name. */
  placeWords: string[];
  /** Places named inside an asked report's place (古交 of 太原's, 泸州 of 四川's): an answer must name them, the report speaking of its whole place otherwise. */
  subPlaces: string[];
  /** One trace line: what was read as the place, and why other place words were not. */
  did: string;
}

/** Words for the country as a whole; 全国 is also the place of the national report (`NATIONAL`). */
const NATIONAL_WORDS = [NATIONAL, '国家', '中国', '我国', '国务院', '中央'];
/** "The province" as a question says it (全省, 我省, 省里, 咱们省, 自治区): the provincial report's place, whichever province that is. */
const PROVINCE_WORDS = ['全省', '我省', '本省', '省里', '省', '自治区'];
const RANK: Record<Level, number> = { national: 0, province: 1, city: 2, county: 3 };
/** A time word a place word may stand next to: "国家2025年…", "今年全国…". */
const TIME_WORD = /^(?:20\d{2}年?|年|今年|明年|去年)$/;
const NOT_A_WORD = /^[\s\p{P}\p{S}]*$/u;
/** Words a question may open with before its place: "那全国呢？", "换成全省呢？", "咱们国家…". */
const OPENING_WORD = /^(?:那|那么|那个|还有|而|换成|换到|再看|再问|咱们|我们|咱)$/;
const CLAUSE_END = /[，,。？?！!；;：:]/;

/** What makes a place name part of an institution's name: 山西医科大学, 北京银行. */
const INSTITUTION_NAMES = '医科大学|大学|学院|医院|中学|小学|银行|集团|公司|日报|电视台|博物馆|图书馆|大剧院|机场|站';
const INSTITUTION = new RegExp(`^(?:${INSTITUTION_NAMES})`);
/**
 * The country's name opening an institution's name a few characters on: 中国长城博物馆, 中国科学院; not
 * across a time or a preposition (国家今年对中小学…: 小学 is what it does something for).
 */
const NAMED_INSTITUTION = new RegExp(`^(?:(?![年对在的给为把和要是])[\u3400-\u9fff]){0,4}?(?:${INSTITUTION_NAMES})`);

/** The `locating` places said right before an asked one, or before another such (陕西 of 陕西安康汉滨), with or without 省/市. */
function saidBefore(text: string, asked: Mention[], locating: Mention[]): Mention[] {
  const before: Mention[] = [];
  let after = asked.map((m) => m.word);
  for (let added = true; added; ) {
    const next = locating.filter((m) => !before.includes(m) && after.some((word) => new RegExp(`${m.word}[省市]?${word}`).test(text)));
    before.push(...next);
    after = next.map((m) => m.word);
    added = next.length > 0;
  }
  return before;
}

/**
 * The known names a text says, read from its start, the longest at each place: a name inside a
 * longer one (南京 of 南京市) or across two (西安 of 陕西安康) is no name of its own.
 */
function namesInOrder(text: string, known: string[]): string[] {
  const names = new Set<string>();
  for (let at = 0; at < text.length; ) {
    const name = known.filter((n) => text.startsWith(n, at)).sort((a, b) => b.length - a.length)[0];
    if (name) names.add(name);
    at += name ? name.length : 1;
  }
  return [...names];
}

/** Whether every time `name` is said it begins an institution's name (a place no report covers is then not asked about). */
function onlyInNames(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!INSTITUTION.test(text.slice(at + name.length))) return false;
  }
  return true;
}

/** Whether every time `word` is said it opens an institution's name (中国长城博物馆 is no question about the country). */
function opensInstitutionName(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!NAMED_INSTITUTION.test(text.slice(at + word.length))) return false;
  }
  return true;
}

/** A place word found in a question. */
interface Mention {
  word: string;
  /** The report place it asks about, or the place no report covers. */
  place: string;
  level: Level;
  covered: boolean;
  /** A county named for its city's report: the city is the scope, the county stays a topic. */
  partOfPlace?: boolean;
}

/** Reads which places a question asks about, against the places the reports are about (see `createPlaceReader`). */
export type PlaceReader = (text: string) => PlaceReading;

/**
 * Places come from the reports' manifest entries (place and level) and what the project knows of
 * places in general (provinces, major cities, the counties of the cities it knows). A report place
 * is read wherever it is named. The country (全国, 国家, 中国…) and 全省 are read as the place only
 * where a question puts its place, at its start or next to its year ("国家2025年…"): elsewhere they
 * qualify a thing (全国文明城市, 在全国排第几, 全省最大的…). When a question names places of several
 * levels, the most local is asked about and the others only locate it (山西省太原市, 太原在全国…).
 */
export function createPlaceReader(reports: ReadonlyArray<ReportPlace>): PlaceReader {
  const byName = new Map(reports.filter((r) => r.name).map((r) => [r.name, r]));
  const national = [...byName.values()].find((r) => r.level === 'national');
  const provinces = [...byName.values()].filter((r) => r.level === 'province').map((r) => r.name);
  const levels = new Set([...byName.values()].map((r) => r.level));
  const known = [...new Set([...OTHER_PLACES, ...PREFECTURE_CITIES, ...Object.keys(COUNTIES), ...PROVINCES])].filter((n) => !byName.has(n));

  function mentions(text: string): Mention[] {
    const found: Mention[] = [];
    for (const { name, level } of byName.values()) {
      if (level !== 'national' && text.includes(name)) found.push({ word: name, place: name, level, covered: true });
    }
    for (const [nickname, place] of Object.entries(PLACE_NICKNAMES)) {
      const report = byName.get(place);
      // 内蒙 said within 内蒙古 is the name itself.
      const said = text.replaceAll(place, '');
      if (report && said.includes(nickname) && !onlyInNames(said, nickname)) found.push({ word: nickname, place, level: report.level, covered: true });
    }
    for (const [short, province] of Object.entries(PROVINCE_SHORT_NAMES)) {
      const report = byName.get(province);
      if (text.includes(short)) found.push({ word: short, place: province, level: report?.level ?? 'province', covered: !!report });
    }
    for (const [city, counties] of Object.entries(COUNTIES)) {
      for (const county of counties.filter((c) => text.includes(c) && !byName.has(c))) {
        const report = byName.get(city);
        found.push(report ? { word: county, place: city, level: report.level, covered: true, partOfPlace: true } : { word: county, place: county, level: 'county', covered: false });
      }
    }
    // A city of a province whose report is here (泸州 for 四川's) is asked of that report, as a county of a city's.
    const ofProvinces = new Set<string>();
    for (const province of provinces) {
      for (const city of (PREFECTURE_CITIES_BY_PROVINCE[province] ?? []).filter((c) => !byName.has(c) && text.includes(c))) {
        found.push({ word: city, place: province, level: byName.get(province)!.level, covered: true, partOfPlace: true });
        ofProvinces.add(city);
      }
    }
    for (const name of namesInOrder(text, known).filter((n) => !onlyInNames(text, n) && !ofProvinces.has(n))) {
      found.push({ word: name, place: name, level: PROVINCES.includes(name) ? 'province' : 'city', covered: false });
    }
    for (const word of wordsInPlacePosition(text, [...NATIONAL_WORDS, ...PROVINCE_WORDS]).filter((w) => !opensInstitutionName(text, w))) {
      if (PROVINCE_WORDS.includes(word)) {
        if (provinces.length === 0) found.push({ word, place: PROVINCE_WORDS[0], level: 'province', covered: false });
        for (const province of provinces) found.push({ word, place: province, level: 'province', covered: true });
      } else {
        found.push({ word, place: national?.name ?? NATIONAL, level: 'national', covered: national !== undefined });
      }
    }
    return found;
  }

  return (text) => {
    const all = mentions(text);
    const local = Math.max(...all.map((m) => RANK[m.level]));
    const mostLocal = all.filter((m) => RANK[m.level] === local);
    // "内蒙古这边要建北京大医院的分院": a covered province is asked about, not located, by a city no report covers that lies
    // elsewhere; that city names a thing (北京's hospitals), a topic.
    const elsewhere = (city: Mention, province: Mention) => city.level === 'city' && !city.covered && !(PREFECTURE_CITIES_BY_PROVINCE[province.place] ?? [city.place]).includes(city.place);
    const coveredAround = all.filter((m) => RANK[m.level] < local && m.covered && m.level === 'province' && mostLocal.every((city) => elsewhere(city, m)));
    const asked = coveredAround.length > 0 ? coveredAround : mostLocal;
    const locating = all.filter((m) => RANK[m.level] < local && !coveredAround.includes(m));
    const cities = [...new Set(asked.filter((m) => m.covered).map((m) => m.place))];
    const otherPlaces = [...new Set(asked.filter((m) => !m.covered).map((m) => m.place))];
    const notes = [
      cities.length > 0 ? `cities ${cities.join('、')}` : levels.size > 1 && otherPlaces.length === 0 ? `no place named: every report (${[...byName.keys()].join('、')})` : 'no city',
      otherPlaces.length > 0 ? `other places ${otherPlaces.join('、')}` : '',
      locating.length > 0 ? `${[...new Set(locating.map((m) => m.word))].join('、')} only locates it` : '',
    ];
    // A place said right before the asked one (陕西安康汉滨, 山西省太原市) only locates it: scope too, no topic.
    const placeWords = [...asked.filter((m) => !m.partOfPlace), ...saidBefore(text, asked, locating)].map((m) => m.word);
    const subPlaces = [...new Set(asked.filter((m) => m.partOfPlace).map((m) => m.word))];
    return { cities, otherPlaces, placeWords: [...new Set(placeWords)], subPlaces, did: notes.filter(Boolean).join('; ') };
  };
}

/**
 * The words among `words` that stand where a question puts its place: jieba cuts them as words of
 * their own, at the question's start (after 那, 还有…) or next to its year (国家级, 中国式 and
 * 在全国排第几 are not).
 */
function wordsInPlacePosition(text: string, words: string[]): string[] {
  if (!words.some((w) => text.includes(w))) return [];
  // "送外卖的摔伤了没人管，国家有没有说…": a clause of a message opens with its place as a question does.
  return text.split(CLAUSE_END).flatMap((clause) => {
    const tokens = cutWords(clause).filter((t) => !NOT_A_WORD.test(t));
    const timeAt = (i: number) => TIME_WORD.test(tokens[i] ?? '');
    const opens = (i: number) => tokens.slice(0, i).every((t) => OPENING_WORD.test(t));
    return tokens.filter((token, i) => words.includes(token) && (opens(i) || timeAt(i - 1) || timeAt(i + 1) || (tokens[i + 1] === '在' && timeAt(i + 2))));
  });
}
