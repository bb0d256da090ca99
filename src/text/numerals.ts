/** Chinese numerals as people and reports write them in counts and ordinals (三, 十二, 二十). */
const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 5 -> 5, 三 -> 3, 十二 -> 12, 二十 -> 20. */
export function numberOf(numeral: string): number {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  return numeral.includes('十') ? (DIGITS[tens] ?? 1) * 10 + (DIGITS[ones] ?? 0) : (DIGITS[ones] ?? 0);
}
