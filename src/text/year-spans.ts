/** "国土空间总体规划（2021—2035年）", "plan for 2021-2035": a span of ten years or more is a long-range plan's period, part of its name, not a year asked about. */
const YEAR_SPAN = /(20\d{2})\s*年?\s*(?:-|—|–|~|～|至|到|to)+\s*(20\d{2})\s*年?/g;
const LONG_PERIOD_YEARS = 10;

/** The text with every long-range period blanked (offsets kept). */
export function withoutLongPeriods(text: string): string {
  return text.replace(YEAR_SPAN, (span, from: string, to: string) => (Number(to) - Number(from) >= LONG_PERIOD_YEARS ? ' '.repeat(span.length) : span));
}

/** 今年 is the year a text is written in (a report's delivery, a question's asking), 去年 the one before, 明年 the one after. */
const RELATIVE_YEARS: [RegExp, number][] = [[/今年/, 0], [/去年/, -1], [/明年/, 1]];

/** The years a text says relative to the year it was written in (none when that year is unknown, 0), in the order 今年, 去年, 明年. */
export function yearsSaidRelatively(text: string, writtenIn: number): number[] {
  return writtenIn ? RELATIVE_YEARS.filter(([word]) => word.test(text)).map(([, offset]) => writtenIn + offset) : [];
}
