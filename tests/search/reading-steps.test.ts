import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/search/lexicon.js';
import { withoutLongPeriods } from '../../src/text/year-spans.js';
import { constraints, focus, intent, lexiconStep, normalize, places, present, spelling, terms, time } from '../../src/search/reading-steps.js';

const lexicon = loadLexicon();
/** Runs the steps before the one under test, so each test looks at one step's own work. */
const upTo = (raw: string, year = 2026) => constraints(places(time(focus(spelling(normalize(raw))), year), ['甲', '乙']));

describe('each reading step on its own', () => {
  it('normalize: full-width digits, traditional characters and chat fillers, with a note of the change', () => {
    const read = normalize('请问，２０２５年甲市的養老床位多少张啊？');
    expect(read.text).toBe('2025年甲市的养老床位多少张?');
    expect(read.trace).toEqual([{ step: 'normalize', did: expect.stringContaining('->') }]);
    expect(normalize('甲市就业').trace[0].did).toBe('unchanged');
    // 额 is a filler alone (额，…), not the end of a word (名额, 金额).
    expect(normalize('额，甲市今年新添了多少个托育名额？').text).toBe('甲市今年新添了多少个托育名额?');
  });

  it('spelling: applies the fixer and notes each slip; no fixer, no change', () => {
    const fixer = (text: string) => ({ text: text.replace('假市', '甲市'), fixes: text.includes('假市') ? [{ from: '假市', to: '甲市' }] : [] });
    const read = spelling(normalize('假市就业'), fixer);
    expect(read.text).toBe('甲市就业');
    expect(read.fixes).toEqual([{ from: '假市', to: '甲市' }]);
    expect(read.trace.at(-1)).toEqual({ step: 'spelling', did: '假市 -> 甲市' });
    expect(spelling(normalize('假市就业')).text).toBe('假市就业');
  });

  it('time: named years; 今年/去年/明年 by the given year only', () => {
    expect(time(focus(spelling(normalize('2024年和2025年'))), 2026).years).toEqual([2024, 2025]);
    expect(time(focus(spelling(normalize('今年就业'))), 2026).years).toEqual([2026]);
    // A count of 2000 is no year; a year said without 年 still is.
    expect(time(focus(spelling(normalize('甲市2025年说要新增床位2000张，完成了多少？'))), 2026).years).toEqual([2025]);
    expect(time(focus(spelling(normalize('甲市 2025 GDP'))), 2026).years).toEqual([2025]);
    expect(time(focus(spelling(normalize('今年就业'))), 2027).years).toEqual([2027]);
    expect(time(focus(spelling(normalize('去年就业'))), 2026).years).toEqual([2025]);
    expect(time(focus(spelling(normalize('2025年今年'))), 2026).years).toEqual([2025]);
    // The asker's story says one relative year, the asking clause another: the one asked.
    expect(time(focus(spelling(normalize('娃明年中考，想问下甲市去年新建了几所高中'))), 2026).years).toEqual([2025]);
    expect(time(focus(spelling(normalize('去年和今年甲市新建了几所高中'))), 2026).years).toEqual([2026, 2025]);
    // A long-range plan's period names the plan; a short span still names years.
    expect(time(focus(spelling(normalize('甲市国土空间总体规划（2021—2035年）获批了吗'))), 2026).years).toEqual([]);
    expect(time(focus(spelling(normalize('2024-2025年甲市就业'))), 2026).years).toEqual([2024, 2025]);
    expect(withoutLongPeriods('Was the master plan for 2021-2035 approved in 2024?')).not.toMatch(/2021|2035/);
  });

  it('present: 今年 of a place whose newest report is older is that report\'s year; named no place, each place\'s', () => {
    const newest = (places: string[]) => (places.length === 1 && places[0] === '乙' ? 2025 : 2026);
    const read = (text: string) => present(places(time(focus(spelling(normalize(text))), 2026), ['甲', '乙']), newest, 2026, ['甲', '乙']);
    expect(read('乙市今年要新建多少公园？').years).toEqual([2025]);
    expect(read('甲市今年要新建多少公园？').years).toEqual([2026]);
    expect(read('今年要新建多少公园？').years).toEqual([2025, 2026]);
  });

  it('places: the corpus cities named, and places no report covers', () => {
    const read = places(time(focus(spelling(normalize('甲市和广州的地铁'))), 2026), ['甲', '乙']);
    expect(read.cities).toEqual(['甲']);
    expect(read.otherPlaces).toEqual(['广州']);
  });

  it('constraints: amount, unit, time, list and an item by number', () => {
    expect(upTo('甲市新增养老床位多少张？')).toMatchObject({ asksAmount: true, askedUnit: '张', wantsFigure: true });
    expect(upTo('地铁什么时候通车？')).toMatchObject({ wantsTime: true, asksAmount: false });
    expect(upTo('民生实事有哪些？').wantsList).toBe(true);
    // 几 in a clause that only tells, while another clause asks, is "a few": no count is asked.
    expect(upTo('五一想把甲市几个景点都转一圈，能不能一张票玩好几个地方？')).toMatchObject({ asksAmount: false });
    expect(upTo('甲市有几个景点？').asksAmount).toBe(true);
    // A magnitude before the unit (多少万吨) is no unit; a count of things before a qualifier (多少个千万元以上的项目) is counted in 个.
    expect(upTo('去年机场的货邮吞吐量是多少万吨？').askedUnit).toBe('吨');
    expect(upTo('去年签了多少个千万元以上的项目？').askedUnit).toBe('个');
    expect(upTo('去年新增就业多少万人？').askedUnit).toBe('万人');
    expect(upTo('甲市那条绿道到去年修了多长了？').asksAmount).toBe(true);
    // 几块钱 asks money, and is no topic an answer must say.
    expect(upTo('基础养老金今年能给涨几块钱？').askedUnit).toBe('元');
    expect(upTo('新建了几块足球场？').askedUnit).toBe('块');
    const labels = lexiconStep(intent(upTo('基础养老金今年能给涨几块钱？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(labels).toContain('养老金');
    expect(labels).not.toContain('几块钱');
    // A modal glued to a verb jieba does not know (能活, 能领) is the verb, a light word, not an unknown one weighed as the rarest.
    const glued = lexiconStep(intent(upTo('甲市的人现在平均能活到多少岁？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(glued).not.toContain('能活');
    // What the asked unit counts, as people name it (日子 of 多少天), is no topic; asked otherwise, it is.
    const days = lexiconStep(intent(upTo('甲市2025年空气好的日子有多少天？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(days).not.toContain('日子');
    const life = lexiconStep(intent(upTo('甲市老百姓的日子过得怎么样？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(life).toContain('日子');
    // Asking words inside a message (想问下, 问问) are the asker's framing, no topic.
    const framed = lexiconStep(intent(upTo('听说要建老年食堂，想问下甲市2025年要建多少个？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(framed).not.toContain('问下');
    // 多少岁 asks an age in 岁; how long people live is the reports' 人均预期寿命.
    const age = upTo('甲市人平均能活到多少岁？');
    expect(age.askedUnit).toBe('岁');
    expect(lexiconStep(intent(age), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.flatMap((c) => c.variants)).toContain('人均预期寿命');
    // Who the asker heard it from (听朋友说) is no topic either; what they heard is.
    const heard = lexiconStep(intent(upTo('听朋友说甲市要建老年食堂，2025年要建多少个？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(heard).not.toContain('朋友');
    expect(heard).toContain('老年食堂');
    // 多少钱 cut into 多少 and 钱 the same.
    const cutApart = lexiconStep(intent(upTo('甲市招商引资到位了多少钱？')), { lexicon, cities: ['甲'], coveredYears: new Set([2026]) }).concepts.map((c) => c.label);
    expect(cutApart).not.toContain('钱');
    // Asking yes or no, 几 is "a few".
    expect(upTo('甲市会多修几个足球场吗？')).toMatchObject({ asksAmount: false, wantsFigure: false });
    expect(upTo('咱们国家以后是不是要晚几年才能退休？')).toMatchObject({ asksAmount: false, wantsFigure: false });
    expect(upTo('甲市有没有新建公园，建了几个？')).toMatchObject({ asksAmount: true, askedUnit: '个' });
    const item = upTo('第三件是什么？');
    expect(item.ordinal).toBe(3);
    expect(upTo('第二个是什么？').ordinal).toBe(2);
    expect(upTo('甲市是不是全国第三个经济总量破两万亿的城市？').ordinal).toBeUndefined();
    expect(item.conceptText).not.toContain('第三件');
  });

  it('intent: plan or review, a result wanted; a past year asked how many wants the result, by the given year', () => {
    expect(intent(upTo('2025年计划新建多少公园？')).intent).toBe('plan');
    expect(intent(upTo('去年建成了多少个公园？')).intent).toBe('review');
    // "…怎么提的", "…咋说的": what a year's report put forward, its plan.
    expect(intent(upTo('口袋公园这东西，甲市2025年一开始是怎么提的？')).intent).toBe('plan');
    expect(intent(upTo('十件民生实事完成了吗？')).wantsResult).toBe(true);
    expect(intent(upTo('甲市首个中试基地2024年到底建成投用没有？')).intent).toBe('review');
    expect(intent(upTo('甲市2025年又新结了几对友好城市？')).wantsResult).toBe(true);
    expect(intent(upTo('甲市路口红灯老等半天，2025年有啥说法没？')).intent).toBeUndefined();
    // How much there is now, or already: the state the last review reports, not a plan.
    expect(intent(upTo('甲市现在地铁一共能跑多少公里了？')).intent).toBe('review');
    expect(intent(upTo('甲市目前有多少个5A级景区？')).intent).toBe('review');
    expect(intent(upTo('甲市地铁建了多少公里了？')).intent).toBe('review');
    expect(intent(upTo('甲市现在的目标是新建多少公园？')).intent).toBeUndefined();
    expect(intent(upTo('甲市这几年新建公园多少个？')).comparison).toBe(true);
    // "点了几大类": how many the report listed, no result of the year.
    expect(intent(upTo('甲市2026年对传统产业一共点了几大类？')).wantsResult).toBe(false);
    expect(intent(upTo('甲市2026年的报告提了多少条措施？')).intent).toBeUndefined();
    // Not from the clock: the same question reads the same in 2026 and in 2027.
    expect(intent(upTo('2025年新建公园多少个？', 2026)).wantsResult).toBe(false);
    expect(intent(upTo('2025年新建公园多少个？', 2027))).toEqual({ ...intent(upTo('2025年新建公园多少个？', 2026)) });
  });

  it('lexicon: concepts of the topic, not of the scope or the question frame; a year no report covers must be said', () => {
    const read = lexiconStep(intent(upTo('甲市2030年新建多少个公园？')), { lexicon, cities: ['甲', '乙'], coveredYears: new Set([2025, 2026]) });
    const labels = read.concepts.map((c) => c.label);
    expect(labels).toContain('公园');
    expect(labels).not.toContain('甲');
    expect(labels).not.toContain('多少');
    expect(read.concepts.find((c) => c.label === '2030年')?.strict).toBe(true);
    expect(read.trace.at(-1)?.step).toBe('lexicon');
    // "还在全国前10不": 不 asks yes or no; it is no unit of the number.
    const ranked = lexiconStep(intent(upTo('甲市的古城还在全国前10不')), { lexicon, cities: ['甲'], coveredYears: new Set([2025]) });
    expect(ranked.concepts.map((c) => c.label)).not.toContain('10不');
    // 小娃: the lexicon's terms for 娃, the word without its diminutive prefix.
    const little = lexiconStep(intent(upTo('甲市能托小娃的托位有多少个')), { lexicon, cities: ['甲'], coveredYears: new Set([2025]) });
    expect(little.concepts.find((c) => c.label === '小娃')?.variants).toEqual(expect.arrayContaining(lexicon.termsFor('娃')));
  });

  it('lexicon: a quoted phrase the reports say is one concept; one they do not say is read word by word', () => {
    const reportBigrams = new Set(['四下', '下基', '基层', '干部']);
    const knows = (word: string) => reportBigrams.has(word);
    const labelsOf = (question: string) => lexiconStep(intent(upTo(question)), { lexicon, cities: ['甲'], coveredYears: new Set([2026]), knows }).concepts.map((c) => c.label);
    expect(labelsOf('甲市2026年有没有提干部要“四下基层”？')).toContain('四下基层');
    expect(labelsOf('甲市2026年有没有提“基层干部减负”？')).toContain('减负');
    expect(labelsOf('甲市2026年有没有提“基层干部减负”？')).not.toContain('基层干部减负');
  });

  it('terms: search words with every way the concepts are said, no years', () => {
    const read = terms(lexiconStep(intent(upTo('2025年地铁3号线')), { lexicon, cities: ['甲'], coveredYears: new Set([2025]) }));
    expect(read.terms).toEqual(expect.arrayContaining(['地铁', '3号线']));
    expect(read.terms).not.toContain('2025');
    expect(read.trace.map((n) => n.step)).toEqual(['normalize', 'spelling', 'focus', 'time', 'places', 'constraints', 'intent', 'lexicon', 'terms']);
  });
});
