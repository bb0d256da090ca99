import type { DocumentMeta } from '../corpus/types.js';

/** Kinds of report text a manifest names, as a reader would call them. */
const KIND_NAMES: Record<string, string> = {
  'report-summary': '摘要',
  'report-overview': '速览',
  'newspaper-special': '报纸特刊',
  report: '全文',
};

/**
 * What the reports cover, one line per place: its report years, the kinds of text, and the years
 * they look back on ("太原：2024、2025、2026年（摘要、报纸特刊、速览；回顾2023—2025年）").
 */
export function coverageLines(documents: Pick<DocumentMeta, 'city' | 'year' | 'reviews' | 'kind'>[]): string[] {
  const places = new Map<string, { years: Set<number>; reviews: Set<number>; kinds: Set<string> }>();
  for (const doc of documents) {
    const place = places.get(doc.city || '城市不详') ?? { years: new Set(), reviews: new Set(), kinds: new Set() };
    if (doc.year) place.years.add(doc.year);
    if (doc.reviews) place.reviews.add(doc.reviews);
    place.kinds.add(doc.kind ? (KIND_NAMES[doc.kind] ?? doc.kind) : '报告');
    places.set(doc.city || '城市不详', place);
  }
  return [...places].map(([city, { years, reviews, kinds }]) => {
    const sorted = [...reviews].sort();
    const reviewed = sorted.length === 0 ? '' : `；回顾${sorted[0]}${sorted.length > 1 ? `—${sorted[sorted.length - 1]}` : ''}年`;
    return `${city}：${[...years].sort().join('、') || '年份不详'}年（${[...kinds].join('、')}${reviewed}）`;
  });
}

/** What a question should name to say where: 城市 when every report is a city's, else 地方 (全国, a province, a county). */
export function placeKind(documents: Pick<DocumentMeta, 'level'>[]): string {
  return documents.every((d) => (d.level ?? 'city') === 'city') ? '城市' : '地方';
}

/**
 * For a question that names no place, when the reports are of several levels: which places it was
 * read against ("没有指明地方，查的是全国、山西、晋城的报告。"); empty otherwise.
 */
export function unnamedPlaceNote(asked: { cities: string[]; otherPlaces: string[] }, documents: Pick<DocumentMeta, 'level' | 'city'>[]): string {
  if (asked.cities.length > 0 || asked.otherPlaces.length > 0 || placeKind(documents) === '城市') return '';
  return `没有指明地方，查的是${[...new Set(documents.map((d) => d.city).filter(Boolean))].join('、')}的报告。`;
}
