/**
 * The words and numbers the figures table is built and read with, in one object. They are general
 * Chinese report usage (verbs of measure, units, qualifiers), not lists for any one report.
 */
export const FIGURE_SETTINGS = {
  /** Units a value may carry (after an optional 万/亿 and 余), longest first when matched. */
  units: [
    '个百分点', '微克/立方米', '平方公里', '平方米', '公里', '千米', '千瓦', '人次', '人', '户', '家', '元', '亩', '斤', '吨',
    '件', '个', '所', '张', '套', '部', '座', '项', '天', '辆', '条', '处', '台', '场', '%', '％', '‰',
  ],
  magnitudes: ['万', '亿'],
  /** A count in these is a time span (连续10个月), not a figure. */
  durations: /^(?:月|年|季度|小时|工作日)/,
  qualifiers: ['左右', '以上', '以内', '以下'],
  /** Verbs between an indicator and its value, longest first; the measure they imply. */
  growthVerbs: ['增速达到', '增速达', '同比增长', '同比增加', '增长', '增速', '涨幅', '增幅', '上涨', '增加', '提高', '提升'],
  declineVerbs: ['下降', '降低', '减少', '降幅'],
  levelVerbs: ['突破到', '突破', '达到', '达', '控制在', '稳定在', '保持在', '降至', '扩至', '提高到', '提升至', '提升到', '跃升至', '迈上', '完成', '为', '超过', '超'],
  /**
   * Words after which an indicator's name starts: what the government does to it (确保, 力争…) and
   * when or where (全年, 全市, 其中). The indicator is the noun phrase after the last of them.
   */
  leadWords: ['确保', '力争', '推动', '推进', '同步推进', '实施', '完成', '建设', '培育', '创建', '争取', '努力', '实现', '严保严管', '全力', '加快', '其中', '全年', '年内', '今年', '全市', '全省', '累计'],
  /** After a value that comes first (3.02万套保障性租赁住房基本建成): words that end the indicator's name. */
  statusWords: ['基本建成', '全部开工', '全部达到', '全部实现', '全面', '建成', '开工', '投用', '投运', '完工', '落地', '交付', '实现', '加快', '达到', '通过'],
  /** The longest indicator read after its value. */
  maxNameAfterChars: 12,
  /** A value right after these is a starting point or a comparison, not the indicator's figure. */
  notAValueAfter: /(?:由|从|高出|高于|低于|超出|比|第|前|近|约)\s*$/,
  /** Clauses that compare with something else (高出全省平均水平7个百分点) state no indicator of their own. */
  comparing: /高出|高于|低于|超出|快于|慢于/,
  /** Suffixes one report adds and another leaves out (城镇新增就业人数 = 城镇新增就业). */
  optionalSuffixes: ['人数', '总数', '指数'],
  /** Longest indicator name kept, in characters; longer is a clause read wrong. */
  maxIndicatorChars: 24,
  /** Two names that differ in one word are one indicator when the word vectors put the words at least this close. */
  sameWordSimilarity: 0.8,
} as const;
