/** Chinese numerals as people and reports write them in counts, ordinals and years (三, 十二, 二〇二五; zero also typed as ○ or Ｏ). */
const DIGITS: Record<string, number> = { 〇: 0, '○': 0, Ｏ: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 5 -> 5, 三 -> 3, 十二 -> 12, 二十 -> 20. */
export function numberOf(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  return numeral.includes('十') ? (DIGITS[tens] ?? 1) * 10 + (DIGITS[ones] ?? 0) : (DIGITS[ones] ?? 0);
}

/** Digit by digit, as years are written: 二〇二五 -> "2025". */
export function digitsOf(numerals: string): string {
  return [...numerals].map((numeral) => DIGITS[numeral]).join('');
}

/** 2 -> 二 (one digit, as phases are written: 二期). */
export function numeralOf(digit: number): string {
  return NUMERALS[digit] ?? String(digit);
}
