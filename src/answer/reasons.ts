import type { Scope } from '../search/scope.js';

/**
 * Why an answer was not found, by code; its message is looked up by code (`refusalMessage`).
 * Scope refusals come from `scope.ts`; the rest from the judge and the strategies.
 */
export type Refusal =
  /** The question names nothing to ask about (and no earlier turn does). */
  | { code: 'NO_TOPIC' }
  /** A request to write something new (a poem, a speech), which quoting the reports cannot answer. */
  | { code: 'NOT_A_QUESTION' }
  /** No report is about the asked place. */
  | NonNullable<Scope['emptyBecause']>
  /** No report of the asked places plans or reviews the asked year, and nothing answers. */
  | NonNullable<Scope['yearNotCovered']>
  /** No sentence covers enough of what the question asks about. */
  | { code: 'NOT_COVERED' }
  /** The sentences that cover the question say another figure (1号线 for 3号线), another year, no amount in the asked unit, or a result where a target is asked. */
  | { code: 'MISMATCH_FIGURE' }
  /** The sentences that cover the question speak of the report's whole place, not of the place inside it asked about (古交 of 太原). */
  | { code: 'MISMATCH_PLACE' }
  | { code: 'MISMATCH_YEAR' }
  | { code: 'MISMATCH_UNIT' }
  | { code: 'MISMATCH_KIND' }
  /** The items of a list named by its count were asked (十件民生实事具体是哪十件); the reports name the list, not its items. */
  | { code: 'MISMATCH_ITEMS' }
  /** A result was asked; the reports give only the target. */
  | { code: 'TARGET_ONLY'; target: string }
  /** An item of a list was asked by its number; the list has no such item, or there is no numbered list. */
  | { code: 'NO_SUCH_ITEM'; ordinal: number; count: number }
  | { code: 'NO_LIST' }
  /** Asked about the report itself (who, where, when), and neither its text nor its credits say. */
  | { code: 'NOT_IN_CREDITS' }
  /** The quote that answered does not read so in the report any more (the report or the index changed): it is not shown. */
  | { code: 'QUOTE_UNVERIFIED' }

  /** Asked to compare figures, and the reports print none of like kind (a target against a result, other units). */
  | { code: 'NOT_COMPARABLE' };

export type ReasonCode = Refusal['code'];

const years = (list: number[]) => list.map((y) => `${y}年`).join('、');

/** What the answer says first for each reason. */
export function refusalMessage(refusal: Refusal): string {
  switch (refusal.code) {
    case 'NOT_A_QUESTION':
      return '这里只引用报告原文回答关于报告内容的问题，不写诗文或其他新内容。可以问报告里说了什么，例如“太原2025年城镇新增就业目标是多少？”。';
    case 'NO_TOPIC':
      return '问题里没有说要问的是什么事项（例如“太原2025年城镇新增就业目标是多少？”）。';
    case 'OUT_OF_SCOPE':
      return `这些报告只涉及${refusal.covered.join('、')}${refusal.asked.length > 0 ? `，没有关于${refusal.asked.join('、')}的内容` : ''}。`;
    case 'YEAR_NOT_COVERED':
      // A report whose year could not be read (ingest says how to set it) covers no year.
      if (refusal.covered.length === 0) return `现有${refusal.places.join('、')}报告没有写明年份，无法确定是否讲了${years(refusal.asked)}；可以不写年份再问。`;
      return `现有${refusal.places.join('、')}报告讲的是${years(refusal.covered)}，没有讲${years(refusal.asked)}的。`;
    case 'TARGET_ONLY':
      return `报告只给出了目标，没有写实际完成情况。目标是：${refusal.target}`;
    case 'NO_SUCH_ITEM':
      return `这份清单没有第${refusal.ordinal}项（共${refusal.count}项）。`;
    case 'NO_LIST':
      return '报告中没有找到编号的清单。';
    case 'NOT_IN_CREDITS':
      return '报告正文和署名中都没有写明这一点。';
    case 'QUOTE_UNVERIFIED':
      return '找到的原文与报告现在的文字不一致，因此不予引用；索引正在重建，请稍后再问。';
    case 'NOT_COMPARABLE':
      return '报告中的这些数字不是同一类（目标和实际、不同年份或单位），不能直接比较。';
    case 'MISMATCH_ITEMS':
      return '报告提到了这份清单，但没有列出具体是哪几项。';
    case 'NOT_COVERED':
    case 'MISMATCH_FIGURE':
    case 'MISMATCH_PLACE':
    case 'MISMATCH_YEAR':
    case 'MISMATCH_UNIT':
    case 'MISMATCH_KIND':
      return '这些报告中没有找到能回答这个问题的内容。';
  }
}

/** A refusal that stands alone, without the advice and the list of reports under it. */
export function isSelfContained(refusal: Refusal): boolean {
  return refusal.code === 'TARGET_ONLY' || refusal.code === 'NOT_A_QUESTION';
}

/** One part of an answer in parts (a city) that the reports do not answer. */
export const PART_NOT_FOUND = '这些报告中没有找到。';
