import { isCommonWord } from '../text/dictionary.js';
import { pinyinSyllables, tonelessSyllables as toneless } from '../text/syllables.js';
import { cutWords } from '../text/tokenize.js';
import { sharesCharacter } from './report-words.js';

const CJK = /^[\u3400-\u9fff]+$/;
/** Around a place name cut into several words, only a boundary or a word that goes with places will do. */
const BEFORE_PLACE = /(^|[\s，,。？?！!：:、和与跟及在去到对比])$/;
const GLUED_PARTICLE = /^[要了的是在有把被将和与就都也还]|[了的是在有吗呢吧啊呀]$/;
const AFTER_PLACE = /^($|[\s\d，,。？?！!：:、年市县区的那呢和与]|[今去明前]年)/;

export interface SpellingParts {
  /** Place names the reports cover (cities and their counties). */
  places: string[];
  /** Whether the reports use a term. */
  knows(term: string): boolean;
  /**
   * The report word of 2–4 characters (a jieba word the corpus uses, or a lexicon term) with this
   * toneless pinyin ("gao xin ji shu"): of several, one sharing a character with the word typed.
   */
  termSounding(sound: string, typed?: string): string | undefined;
  /** Words people use that are not slips even though the reports do not (the lexicon's phrases). */
  meant(word: string): boolean;
  /** How many passages of the reports say a string (0 when unknown). */
  saidIn?(text: string): number;
}

export interface SpellingFix {
  from: string;
  to: string;
}

/** "离家太远", "挺贵": a degree word and an adjective, no slip (太远 is not 太原)… */
const DEGREE_PHRASE = /^[太很挺真好最更特超蛮][远近大小多少贵高低长短快慢难累忙旧冷热挤堵乱脏差]$/;
/** …unless it stands where a place does, before a year ("太远2025年GDP目标"). */
const YEAR_NEXT = /^(?:\s*\d{2,4}\s*年|[今去明前]年)/;

/**
 * Homophone slips as people type them with a pinyin keyboard: 太元/太源 -> 太原, 进中/锦中 -> 晋中,
 * a place typed in pinyin (taiyuan -> 太原), and a report term typed with the wrong characters
 * (高薪技术企业 -> 高新技术企业). Only whole
 * jieba words (or runs of them) are replaced, so 推进中小企业 never becomes 推晋中小企业, and only
 * words that neither the reports, the lexicon nor everyday Chinese know (换成 stays 换成).
 */
export function createSpellingFixer({ places, knows, termSounding, meant, saidIn }: SpellingParts): (text: string) => { text: string; fixes: SpellingFix[] } {
  const placeBySound = new Map(places.map((place) => [toneless(place), place]));
  const placeBySpelling = new Map(places.map((place) => [toneless(place).replace(/ /g, ''), place]));
  // "宁bo", "ning波": a place typed half in characters, half in pinyin.
  const halfTyped = places
    .filter((place) => place.length >= 2 && place.length <= 3)
    .flatMap((place) => {
      const sounds = toneless(place).split(' ');
      if (sounds.length !== place.length) return [];
      return [...new Set([1, place.length - 1])].flatMap((cut) => [
        { typed: place.slice(0, cut) + sounds.slice(cut).join(''), place },
        { typed: sounds.slice(0, cut).join('') + place.slice(cut), place },
      ]);
    });
  /** The text with each place typed half in pinyin written as the place; only a text with Latin letters can hold one. */
  const withHalfTypedPlaces = (typed: string, fixes: SpellingFix[]) =>
    !/[A-Za-z]/.test(typed)
      ? typed
      : halfTyped.reduce((text, { typed: half, place }) => {
          const at = text.toLowerCase().indexOf(half);
          if (at < 0 || /[a-z]/i.test(text[at + half.length] ?? '') || /[a-z]/i.test(text[at - 1] ?? '')) return text;
          fixes.push({ from: text.slice(at, at + half.length), to: place });
          return text.slice(0, at) + place + text.slice(at + half.length);
        }, typed);
  const known = (word: string) => knows(word) || meant(word) || isCommonWord(word);
  // Jieba glues a particle to a word ("要建" in 是不是要建这么个…): the word with its particle is no slip for 要件.
  const glued = (word: string) => {
    const rest = word.replace(GLUED_PARTICLE, '');
    return rest.length > 0 && rest !== word && known(rest);
  };
  /** Whether a word may be a slip: not one people write as meant; a degree phrase only where a place stands (`placeStands`). */
  const isSlip = (word: string, placeStands = false) => CJK.test(word) && !known(word) && !glued(word) && (placeStands || !DEGREE_PHRASE.test(word));

  /** The report word of two to four syllables Latin words spell in pinyin (bingzhou -> 并州, yang lao -> 养老). */
  const reportWordSpelled = (run: string) => {
    const sounds = run.split(/\s+/).map(pinyinSyllables);
    if (sounds.some((sound) => !sound)) return undefined;
    const sound = sounds.join(' ');
    const count = sound.split(' ').length;
    return count >= 2 && count <= 4 ? termSounding(sound) : undefined;
  };
  /**
   * "xin增", "改zao", "gao标准": one syllable typed in pinyin against the characters of its word, which the
   * reports use and which keeps the characters typed; the longest such word wins.
   */
  const withHalfTypedWords = (text: string, fixes: SpellingFix[]) =>
    text.replace(/([\u3400-\u9fff]{0,3})(?<![a-z])([a-z]+)(?![a-z])([\u3400-\u9fff]{0,3})/g, (whole, before: string, latin: string, after: string) => {
      const sound = pinyinSyllables(latin);
      if (!sound || sound.includes(' ')) return whole;
      for (let k = after.length; k >= 1; k--) {
        const chars = after.slice(0, k);
        const term = termSounding(`${sound} ${toneless(chars)}`, chars);
        if (term?.length === k + 1 && term.endsWith(chars)) {
          fixes.push({ from: latin + chars, to: term });
          return before + term + after.slice(k);
        }
      }
      for (let k = before.length; k >= 1; k--) {
        const chars = before.slice(-k);
        const term = termSounding(`${toneless(chars)} ${sound}`, chars);
        if (term?.length === k + 1 && term.startsWith(chars)) {
          fixes.push({ from: chars + latin, to: term });
          return before.slice(0, -k) + term + after;
        }
      }
      return whole;
    });

  return (typed) => {
    const fixes: SpellingFix[] = [];
    const amongChinese = /[\u3400-\u9fff]/.test(typed);
    // "taiyuan 2025年gdp目标": a place typed in pinyin; "bingzhou yingcai 计划": a report word typed in pinyin.
    const text = withHalfTypedPlaces(typed, fixes)
      .replace(/[A-Za-z]+/g, (latin) => {
        const place = placeBySpelling.get(latin.toLowerCase());
        if (place) fixes.push({ from: latin, to: place });
        return place ?? latin;
      })
      // Only among Chinese: an English question's words are English.
      .replace(/[a-z]+(?:\s+[a-z]+)*/g, (run) => {
        if (!amongChinese || run.replace(/\s+/g, '').length < 4) return run;
        const whole = reportWordSpelled(run);
        if (whole) {
          fixes.push({ from: run, to: whole });
          return whole;
        }
        return run.replace(/[a-z]{4,}/g, (latin) => {
          const term = reportWordSpelled(latin);
          if (term) fixes.push({ from: latin, to: term });
          return term ?? latin;
        });
      });
    const words = cutWords(amongChinese ? withHalfTypedWords(text, fixes) : text);
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      let replaced = false;
      // A place name may be cut into single characters ("锦" "中"): try runs of up to three words.
      for (let n = 3; n >= 1 && !replaced; n--) {
        const run = words.slice(i, i + n).join('');
        const after = words.slice(i + n).join('');
        if (i + n > words.length || run.length < 2 || run.length > 4 || !isSlip(run, BEFORE_PLACE.test(out.join('')) && YEAR_NEXT.test(after))) continue;
        if (n > 1 && !(BEFORE_PLACE.test(out.join('')) && AFTER_PLACE.test(after))) continue;
        const place = placeBySound.get(toneless(run));
        if (place && place !== run && !text.includes(place)) {
          fixes.push({ from: run, to: place });
          out.push(place);
          i += n - 1;
          replaced = true;
        }
      }
      if (replaced) continue;
      const word = words[i];
      const term = word.length >= 2 && word.length <= 4 && isSlip(word) ? termSounding(toneless(word), word) : undefined;
      // A slip keeps a character of the word meant (高薪 -> 高新); one that shares none is another word (固投 is no 骨头).
      // A name the reports say at least as often as the word it sounds like is no slip (潇河 of 潇河智城, not 小河 of 中小河流).
      if (term && term !== word && !text.includes(term) && sharesCharacter(term, word) && (!saidIn || (saidIn(word) < saidIn(term) && !joinsAsSaid(word, term, words[i - 1], words[i + 1])))) {
        fixes.push({ from: word, to: term });
        out.push(term);
      } else {
        out.push(word);
      }
    }
    return { text: out.join(''), fixes };
  };

  /**
   * 常泰 of 常泰长江大桥, a name the reports write with the word after it: the characters where it meets
   * a word next to it (泰长) are the reports', and the word it sounds like (常态) does not meet that word so.
   */
  function joinsAsSaid(word: string, term: string, before: string | undefined, after: string | undefined): boolean {
    const said = (pair: string) => /^[\u3400-\u9fff]{2}$/.test(pair) && saidIn!(pair) > 0;
    const joins = (w: string) => [before ? before.slice(-1) + w[0] : '', after ? w.slice(-1) + after[0] : ''].filter(said).length;
    return joins(word) > joins(term);
  }
}
