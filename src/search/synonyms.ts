/**
 * A small, hand-kept list of everyday words and the words the reports use for them. Used to
 * widen lexical search and to judge whether a sentence covers a question; per-question rules
 * do not belong here.
 */
export const SYNONYMS: Record<string, string[]> = {
  停车难: ['停车', '车位', '停车位'],
  停车: ['车位', '停车位'],
  游客: ['旅游', '文旅', '游'],
  外地游客: ['旅游', '文旅'],
  外地: ['国内外', '省外', '外来'],
  综合指数: ['综指'],
  指数: ['综指'],
  吸引: ['打造', '叫响'],
  旅游: ['文旅', '旅游'],
  招牌: ['品牌', 'IP'],
  残疾人: ['残疾'],
  看病: ['医疗', '医院', '就医'],
  上学: ['教育', '学校', '学位'],
  老人: ['老年', '养老'],
  孩子: ['儿童', '托育', '幼儿'],
  房子: ['住房', '保障房'],
  找工作: ['就业'],
  工资: ['收入', '工资'],
  收入: ['可支配收入'],
  gdp: ['地区生产总值', '经济总量'],
  经济总量: ['地区生产总值'],
  空气: ['空气质量'],
  天然气: ['供气'],
  暖气: ['供热'],
  自来水: ['供水'],
  地铁: ['轨道交通'],
  污染: ['污染防治', '环境'],
  多长: ['公里'],
  面积: ['平方公里', '万亩'],
};

export function synonymsOf(word: string): string[] {
  return SYNONYMS[word.toLowerCase()] ?? [];
}
