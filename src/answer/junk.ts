/**
 * Words that say nothing a report could answer: greetings, keyboard and test input, placeholders,
 * and what a program prints for a value it could not turn into text ("[object Object]",
 * "undefined"), with the function words around them. Chinese chatter ("好的", "你好") is not
 * listed: the answerer already asks what is meant when a Chinese question names no topic.
 */
const EMPTY_WORDS = new Set(
  ('a an the is are was be it this that what which who how why where when of to in on and or do does ' +
    'hi hello hey hallo yo ok okay thanks thank you please yes no sorry bye world ' +
    'test tests testing tested try trying ping pong foo bar baz qux demo sample example dummy placeholder ' +
    'asdf asdfgh qwer qwerty zxcv lorem ipsum dolor sit amet xxx aaa abc ' +
    'object undefined null nan none nil true false function string number array').split(' '),
);

/**
 * True when a question holds no content word in any language: no number, no Chinese, and every
 * other word (if any) one of the empty words above. Such input ("test", "hello world",
 * "[object Object]") is refused with QUESTION_NO_WORDS rather than answered from whatever sentence
 * happens to share a gloss with it.
 */
export function hasNoContentWords(text: string): boolean {
  if (/[\p{N}\p{Script=Han}]/u.test(text)) return false;
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).every((word) => EMPTY_WORDS.has(word));
}
