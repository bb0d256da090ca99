import { readingLine } from '../answer/compose.js';
import type { Answer, Citation, Explanation } from '../answer/types.js';
import type { StoredDocument } from '../store/types.js';
import { terminalText } from './terminal.js';

/**
 * The answer for a person reading a terminal, each thing once: the answer (the clause that answers,
 * or the list one item per line), the quote it stands in when that says more, the source; then
 * further sources. No control characters.
 */
export function formatAnswer(answer: Answer): string {
  const lines = [`问：${answer.question}`];
  const reading = readingLine(answer.understood);
  if (reading) lines.push(reading);
  if (answer.found && answer.citations.length === 0) {
    lines.push(`答：${answer.answer}`);
  } else if (!answer.found) {
    lines.push(`答：${answer.answer}`);
    if (answer.citations.length > 0) lines.push('', '可能相关（不足以回答）：', ...answer.citations.flatMap((c, i) => cited(c, i + 1)));
  } else if (answer.series) {
    lines.push(`答：${answer.answer}`, '', '来源：', ...answer.citations.flatMap((c, i) => cited(c, i + 1)));
  } else if (answer.parts) {
    lines.push('答：', ...answer.parts.map(({ label, citation }) => `  ${label}：${answer.citations[citation] ? spanOf(answer.citations[citation]) : '这些报告中没有找到。'}`));
    lines.push('', '来源：', ...answer.citations.flatMap((c, i) => cited(c, i + 1)));
  } else {
    const [first, ...more] = answer.citations;
    const partial = answer.answerSpan !== undefined && spanOf(first) !== first.quote;
    lines.push(`答：${partial ? answer.answerSpan!.text : quoteLines(first).join('\n    ')}`);
    if (partial) lines.push(`原文：「${quoteLines(first).join('\n    ')}」`);
    lines.push(`来源：${source(first)}`);
    if (more.length > 0) lines.push('', '其他来源：', ...more.flatMap((c, i) => cited(c, i + 2)));
  }
  const mode = answer.mode === 'hybrid' ? `混合检索 ${answer.embedder ?? ''}`.trimEnd() : '词法检索';
  lines.push('', `（${mode} · ${answer.timings.totalMs} ms）`);
  return terminalText(lines.join('\n'));
}

function cited(citation: Citation, n: number): string[] {
  return [`[${n}] ${source(citation)}`, `    「${quoteLines(citation).join('\n     ')}」`];
}

function source(c: Citation): string {
  return `《${c.title}》 · ${c.page ? `第${c.page}页 · ` : ''}${c.section}${c.url ? ` · ${c.url}` : ''}`;
}

function spanOf(c: Citation): string {
  return c.span ? c.quote.slice(c.span.start, c.span.end) : c.quote;
}

/** A quote's lines: the lead-in and each item of a list on its own line, else the quote. */
function quoteLines({ quote, items }: Citation): string[] {
  if (!items) return [quote];
  const cuts = [0, ...items.map((i) => i.start), quote.length];
  return cuts.slice(0, -1).map((at, i) => quote.slice(at, cuts[i + 1]).trim()).filter(Boolean);
}

/** The decision trace for a person: the reading steps, the candidates with what they matched, the decision. */
export function formatExplanation(explain: Explanation): string {
  const weights = explain.weights.map((w) => `${w.concept} ${w.weight}${w.optional ? '（可缺）' : ''}`).join('、') || '无';
  const lines = ['如何理解问题：', ...explain.reading.map((n) => `  ${n.step}: ${n.did}`), `  权重: ${weights}`, '', '候选句子：'];
  explain.candidates.forEach((c, i) => {
    const matched = c.matched.map((m) => (m.presence === 1 ? m.concept : `${m.concept} ${m.presence}`)).join('、') || '无';
    const verdict = c.answers ? '可回答' : c.mismatch ? `不符（${c.mismatch}）` : '覆盖不足';
    lines.push(`  [${i + 1}] ${c.docId} · ${c.section} · 覆盖 ${c.coverage} · 得分 ${c.score} · ${verdict}`);
    lines.push(`      「${c.sentence}」`, `      命中：${matched}`);
  });
  if (explain.candidates.length === 0) lines.push('  （无）');
  lines.push('', `决定：${explain.strategy} / ${explain.decision} → ${explain.found ? '回答' : `不回答（${explain.reason}）`}`);
  for (const part of explain.parts ?? []) {
    lines.push(`  ${part.label}：${part.strategy} / ${part.decision} → ${part.found ? '回答' : `不回答（${part.reason}）`}`);
    lines.push(...part.context.map((note) => `    context: ${note}`));
  }
  return lines.join('\n');
}

/** The reports, one line each: title, city, year. */
export function formatSources(documents: StoredDocument[]): string {
  return terminalText(['可查询的报告：', ...documents.map((d) => `• ${d.title}（${d.city || '城市不详'} · ${d.year || '年份不详'}年）`)].join('\n'));
}
