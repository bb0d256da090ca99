import type { DocumentMeta, SectionKind } from './types.js';

/** The report's own title names its year but does not start the plan part. */
const DOCUMENT_TITLE = /工作报告|报告速览|两会特刊/;
const REVIEW_WORDS = /回顾|回看|一年来|过去|光景|成绩|成就|历程/;
const PLAN_WORDS = /安排|目标|任务|要求|展望|今年|布局|十五五|重点工作|岸在前|乘势而上|攻坚突破/;

/**
 * Reads a heading for a change between the part of a report that looks back and the part that
 * plans ahead. Returns `undefined` when the heading says neither.
 */
export function sectionKindOf(heading: string, meta: DocumentMeta): SectionKind | undefined {
  if (DOCUMENT_TITLE.test(heading)) return undefined;
  const year = Number(heading.match(/(20\d{2})/)?.[1] ?? 0);
  if (year && meta.year && year === meta.year) return 'plan';
  if (year && meta.reviews && year === meta.reviews) return 'review';
  if (PLAN_WORDS.test(heading)) return 'plan';
  if (REVIEW_WORDS.test(heading)) return 'review';
  return undefined;
}

/**
 * "同时，我们也清醒认识到…还面临不少困难和问题": reports close their look back with the problems
 * ahead; what follows plans, even where a text (an excerpt) lacks the plan part's heading.
 */
const PROBLEMS_AHEAD = /^(?:同时[，,])?(?:我们)?(?:也|还)?清醒(?:认识|看|地看)到/;

export function closesReview(paragraph: string): boolean {
  return PROBLEMS_AHEAD.test(paragraph.trim());
}
