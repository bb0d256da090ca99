import type { Answer, Explanation } from '../answer/types.js';
import type { StoredDocument } from '../store/types.js';
import { terminalText } from './terminal.js';

const CONTEXT_CHARS = 80;

/** The answer for a person reading a terminal: answer first, then numbered sources; no control characters. */
export function formatAnswer(answer: Answer): string {
  const lines = [`问：${answer.question}`];
  if (answer.understood.contextUsed) lines.push(`（按“${answer.understood.question}”理解）`);
  lines.push(`答：${answer.answer}`);
  const sources = answer.citations;
  if (sources.length > 0) {
    lines.push('', answer.found ? '来源：' : '可能相关（不足以回答）：');
    sources.forEach((c, i) => {
      lines.push(`[${i + 1}] 《${c.title}》 · ${c.page ? `第${c.page}页 · ` : ''}${c.section}`);
      lines.push(`    「${c.quote}」`);
      lines.push(`    上下文：${aroundQuote(c.passage, c.quote)}`);
    });
  }
  lines.push('', `（${answer.mode === 'hybrid' ? '混合检索' : '词法检索'} · ${answer.timings.totalMs} ms）`);
  return terminalText(lines.join('\n'));
}

/** The decision trace for a person: the reading steps, the candidates with what they matched, the decision. */
export function formatExplanation(explain: Explanation): string {
  const lines = ['如何理解问题：', ...explain.reading.map((n) => `  ${n.step}: ${n.did}`), '', '候选句子：'];
  explain.candidates.forEach((c, i) => {
    const matched = c.matched.map((m) => (m.presence === 1 ? m.concept : `${m.concept} ${m.presence}`)).join('、') || '无';
    const verdict = c.answers ? '可回答' : c.mismatch ? `不符（${c.mismatch}）` : '覆盖不足';
    lines.push(`  [${i + 1}] ${c.docId} · ${c.section} · 覆盖 ${c.coverage} · 得分 ${c.score} · ${verdict}`);
    lines.push(`      「${c.sentence}」`, `      命中：${matched}`);
  });
  if (explain.candidates.length === 0) lines.push('  （无）');
  lines.push('', `决定：${explain.strategy} / ${explain.decision} → ${explain.found ? '回答' : `不回答（${explain.reason}）`}`);
  return lines.join('\n');
}

function aroundQuote(passage: string, quote: string): string {
  if (passage.length <= CONTEXT_CHARS * 2 + quote.length) return passage;
  const at = Math.max(passage.indexOf(quote), 0);
  const from = Math.max(0, at - CONTEXT_CHARS);
  const to = Math.min(passage.length, at + quote.length + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${passage.slice(from, to)}${to < passage.length ? '…' : ''}`;
}

/** The reports, one line each: title, city, year. */
export function formatSources(documents: StoredDocument[]): string {
  return terminalText(['可查询的报告：', ...documents.map((d) => `• ${d.title}（${d.city || '城市不详'} · ${d.year || '年份不详'}年）`)].join('\n'));
}
