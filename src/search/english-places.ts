import { COUNTIES, OTHER_PLACES, PREFECTURE_CITIES, PROVINCES } from '../corpus/places.js';
import { NATIONAL } from '../corpus/types.js';

/** English words for the country as a whole ("China's target", "the national target", "the country"). */
const COUNTRY_WORDS = ['china', 'national', 'nationwide', 'country'];
/** Where the official romanization is not plain pinyin (陕西 and 山西 are both "shanxi" in pinyin). */
const OFFICIAL_SPELLINGS: Record<string, string> = { 陕西: 'shaanxi', 西藏: 'tibet', 澳门: 'macau', 内蒙古: 'inner mongolia', 香港: 'hong kong' };
/** The official names of two words ("Inner Mongolia"): a question's words are read with each as one word (innermongolia). */
export const TWO_WORD_NAMES = new RegExp(
  `\\b(?:${Object.values(OFFICIAL_SPELLINGS).filter((spelling) => spelling.includes(' ')).map((spelling) => spelling.replace(' ', '\\s+')).join('|')})\\b`,
  'gi',
);

export interface EnglishPlaces {
  /** English spelling -> the place as questions name it in Chinese (taiyuan -> 太原, china -> 全国). */
  names: Map<string, string>;
  /** The places among them that only scope a question; the others (counties of the reports' cities) are also what it asks about. */
  scoping: string[];
}

/**
 * Place names an English question may use: the reports' places and their counties, provinces and
 * major cities in pinyin (so that a place no report covers is refused as such), and the country.
 */
export function englishPlaces(reportPlaces: string[], spell: (name: string) => string): EnglishPlaces {
  const counties = reportPlaces.flatMap((place) => COUNTIES[place] ?? []);
  const scoping = [...new Set([...PROVINCES, ...OTHER_PLACES, ...PREFECTURE_CITIES, ...Object.keys(COUNTIES), ...reportPlaces.filter((p) => p !== NATIONAL)])];
  const names = new Map<string, string>();
  for (const name of [...scoping].reverse()) names.set(OFFICIAL_SPELLINGS[name]?.replace(/ /g, '') ?? spell(name), name);
  for (const county of counties) names.set(spell(county), county);
  for (const word of COUNTRY_WORDS) names.set(word, NATIONAL);
  return { names, scoping: [...scoping, NATIONAL] };
}
