/** Units written two ways, each pair one unit: a question's 35岁 is a report's 35周岁, its 100平米 the report's 100平方米. */
const SAME_UNITS: [string, string][] = [
  ['岁', '周岁'],
  ['平米', '平方米'],
  ['公里', '千米'],
];

/** The other spellings of `unit` (岁 -> 周岁); none for a unit written one way. */
export function otherSpellings(unit: string): string[] {
  return SAME_UNITS.flatMap(([one, two]) => (unit === one ? [two] : unit === two ? [one] : []));
}

/** A figure in each other spelling of its unit (35岁 -> 35周岁). */
export function figureSpellings(figure: string): string[] {
  const unit = /\d([^\d.]+)$/.exec(figure)?.[1];
  return unit ? otherSpellings(unit).map((other) => figure.slice(0, -unit.length) + other) : [];
}

/** People a count in 人 is of, as questions and reports name them (多少游客, 20万游客): the count of them is asked and said in 人 or 人次. */
export const COUNTED_PEOPLE_WORDS = ['游客', '旅客', '观众', '人口', '居民', '市民', '群众', '学生', '毕业生', '老年人', '老人', '儿童', '孩子', '患者', '职工', '农民', '人才', '劳动者'];
