import type { Level } from '../corpus/types.js';

/** What a figure says of its indicator: how much it grew, how much it fell, or where it stands. */
export type Measure = 'growth' | 'decline' | 'level';

/** 目标 (a plan year's target), 实际 (a reviewed year's result), or a plan period (十四五) looked back on. */
export type FigureKind = string;

/** One indicator statement found in a sentence, before it is placed in a report. */
export interface Statement {
  /** The indicator as printed: 地区生产总值, “保交房”交付率. */
  indicator: string;
  /** Value and unit as printed, verbatim: 5%左右, 8万人, 187 户, 4.73. */
  value: string;
  /** The number (NFKC, so ５７％ reads 57). */
  number: number;
  /** The unit without qualifier (%, 万人, 亿元; '' for an index). */
  unit: string;
  /** 左右, 以上, 以内, 以下, or ''. */
  qualifier: string;
  measure: Measure;
  /** Where the value stands in the sentence. */
  valueStart: number;
}

/** A row of the figures table: a statement with its report, year, kind and citation. */
export interface Figure extends Statement {
  kind: FigureKind;
  /** The year it is for: the plan year of a target, the reviewed year of a result, the last year of a period. */
  year: number;
  city: string;
  level: Level;
  docId: string;
  section: string;
  /** The sentence, verbatim, and its offsets in the report's text. */
  sentence: string;
  start: number;
  end: number;
}

/** One point of a series an answer gives (for a chart), with the index of its citation. */
export interface SeriesPoint {
  label: string;
  city: string;
  year: number;
  kind: FigureKind;
  value: string;
  number: number;
  unit: string;
  citation: number;
}

/** The figures an answer from the table gives, of one indicator. */
export interface FigureSeries {
  indicator: string;
  measure: Measure;
  points: SeriesPoint[];
}

export const TARGET: FigureKind = '目标';
export const RESULT: FigureKind = '实际';
