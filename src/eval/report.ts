import type { QuestionResult, Summary } from './metrics.js';
import { summarize } from './metrics.js';

const COLUMNS = ['group', 'n', 'right', 'A@1', 'R@5', 'MRR', 'abstain', 'refused', 'fidelity', 'median ms', 'p95 ms'];

/** A plain-text table: one row for all questions, then one per question type. */
export function formatReport(results: QuestionResult[]): string {
  const groups: Array<[string, QuestionResult[]]> = [['all', results]];
  for (const type of [...new Set(results.map((r) => r.type))].sort()) groups.push([type, results.filter((r) => r.type === type)]);
  const rows = groups.map(([name, items]) => row(name, summarize(items)));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  const overall = summarize(results);
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', `mode: ${overall.modes.join(', ')}`].join('\n');
}

function row(name: string, s: Summary): string[] {
  return [
    name,
    String(s.questions),
    fixed(s.right),
    fixed(s.accuracyAt1),
    fixed(s.recallAt5),
    fixed(s.mrr),
    fixed(s.abstention),
    fixed(s.falseRefusals),
    fixed(s.quoteFidelity),
    s.medianMs.toFixed(1),
    s.p95Ms.toFixed(1),
  ];
}

function fixed(value: number): string {
  return Number.isNaN(value) ? '-' : value.toFixed(2);
}
