/** "国土空间总体规划（2021—2035年）", "plan for 2021-2035": a span of ten years or more is a long-range plan's period, part of its name, not a year asked about. */
const YEAR_SPAN = /(20\d{2})\s*年?\s*(?:-|—|–|~|～|至|到|to)+\s*(20\d{2})\s*年?/g;
const LONG_PERIOD_YEARS = 10;

/** The text with every long-range period blanked (offsets kept). */
export function withoutLongPeriods(text: string): string {
  return text.replace(YEAR_SPAN, (span, from: string, to: string) => (Number(to) - Number(from) >= LONG_PERIOD_YEARS ? ' '.repeat(span.length) : span));
}
