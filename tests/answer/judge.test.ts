import { describe, expect, it } from 'vitest';
import type { Sentence } from '../../src/corpus/types.js';
import { judge } from '../../src/answer/select.js';
import { isTopicWord, type Concept } from '../../src/search/concepts.js';
import { ANSWER_TUNING } from '../../src/answer/settings.js';
import type { SearchHit } from '../../src/search/searcher.js';
import { readQuestion } from '../support/reader.js';

let nextId = 0;
/** A retrieved passage of one review or plan section, its sentences split at 。 and ； (as the reports' sentences are). */
function hit(text: string, sectionKind: 'review' | 'plan' = 'review', score = 1): SearchHit {
  let start = 0;
  const sentences: Sentence[] = text.split(/(?<=[。；])/).map((t) => {
    const s = { text: t, start, end: start + t.length, run: 0 };
    start += t.length;
    return s;
  });
  return { passage: { id: nextId++, docId: 'A2026', section: '工作回顾', sectionKind, text, start: 0, end: text.length, sentences, years: [] }, score, fit: 1, reportYear: 2026 };
}
const sameWeight = () => 1;
/** One character (说, 改) weighs little, as it does by rarity and kind of word in the answerer. */
const lighterSingles = (concept: { label: string }) => (concept.label.length === 1 ? 0.3 : 1);
const read = (question: string) => readQuestion(question, ['甲'], new Set([2025, 2026]));
/** The near miss is refused with `mismatch`, and the sentence that says the asked thing answers. */
function refusesThenAnswers(asked: Parameters<typeof judge>[0], nearMiss: SearchHit, mismatch: string, answer: SearchHit): void {
  const { answering, ranked } = judge(asked, [nearMiss], sameWeight);
  expect(answering).toEqual([]);
  expect(ranked[0].mismatch).toBe(mismatch);
  expect(judge(asked, [answer], sameWeight).answering.length).toBe(1);
}

/** The sentence that says the figure told answers; the same sentence with another figure does not. */
function answersOneNotOther(asked: Parameters<typeof judge>[0], answer: string, other: string): void {
  expect(judge(asked, [hit(answer)], sameWeight).answering.length).toBe(1);
  expect(judge(asked, [hit(other)], sameWeight).answering).toEqual([]);
}

describe('the judge alone', () => {
  it('accepts the sentence that says what is asked, with an amount, and says what it matched', () => {
    const { answering, ranked } = judge(read('新建公园多少个？'), [hit('城市更加宜居。新建公园22个。')], sameWeight);
    expect(answering[0].sentence.text).toBe('新建公园22个。');
    expect(answering[0].matched.map((m) => m.concept)).toEqual(expect.arrayContaining(['公园', '新建']));
    expect(ranked.length).toBe(2);
  });

  it('takes a count told with 个 as said with another measure word (那7个平台: 7大平台), and not another count', () => {
    answersOneNotOther(read('甲市说要搞的那7个交易平台，现在都运营了吗？'), '7大交易平台全部挂牌运营。', '5大交易平台全部挂牌运营。');
  });

  it('takes a count before a noun of the asked kind (11.08万套保交房 for 多少套房子) as counting it', () => {
    const asked = read('甲市去年保交房一共交了多少套房子？');
    expect(judge(asked, [hit('11.08万套保交房任务全面完成。')], sameWeight).answering.length).toBe(1);
    expect(judge(read('甲市2025年要重点发展几条产业赛道？'), [hit('重点发展产业，聚焦“新材料、新能源”6条优势赛道。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it('refuses a sentence about another kind of the family asked (公办高中 for 公办初中), and takes 义务教育 for 小学 and 初中 asked together', () => {
    refusesThenAnswers(read('甲市今年新建几所公办初中？'), hit('新改扩建公办高中7所。', 'plan'), 'kind', hit('新改扩建公办初中5所。', 'plan'));
    expect(judge(read('甲市今年给小学初中新增多少学位？'), [hit('新增义务教育学位40万个。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it('takes "80岁以上" as saying the "80多岁" a question tells, and not "60岁以上"', () => {
    answersOneNotOther(read('甲市80多岁的老人发了多少高龄津贴？'), '为7.8万名80岁以上老年人发放高龄津贴。', '为7.8万名60岁以上老年人发放高龄津贴。');
  });

  it('puts, asked one year, the year\'s own figure before a five-year one (年均), and not when an average is asked', () => {
    const passage = hit('民生福祉不断增进，城镇新增就业603.7万人，居民收入年均增长6%。城镇新增就业121.7万人。');
    const top = (question: string) => judge(read(question), [passage], sameWeight).answering[0].sentence.text;
    expect(top('甲市2025年城镇新增就业多少人？')).toBe('城镇新增就业121.7万人。');
    expect(top('甲市2025年城镇新增就业年均多少人？')).toContain('603.7万人');
  });

  it('takes a clause that only says how much the thing of the clause before changed (…亿元，增长5.2%) as saying it of that thing', () => {
    const asked = read('甲市2025年地区生产总值实际增长了多少？');
    expect(judge(asked, [hit('地区生产总值达到2110亿元，增长5.2%。')], sameWeight).answering.length).toBe(1);
    // A clause that names a thing of its own is about that thing.
    expect(judge(asked, [hit('地区生产总值达到2110亿元，进出口总额增长5.2%。')], sameWeight).answering).toEqual([]);
  });

  it('takes an amount asked of a measure of a thing (可支配收入 by 支配 收入) only from a clause that says both: 预算收入 is another thing\'s', () => {
    const asked = read('甲市去年人均可支配收入是多少钱？');
    expect(judge(asked, [hit('完成一般公共预算收入588.9亿元，居民人均可支配收入增长4%。')], sameWeight).answering).toEqual([]);
    expect(judge(asked, [hit('居民人均可支配收入达到5.2万元，增长4%。')], sameWeight).answering.length).toBe(1);
  });

  it('reads a water class asked in Chinese numerals as the Roman numerals reports write (三类: Ⅲ类), and 几个月 as months, not a count in 个', () => {
    const asked = read('甲市的湖水有几个月达到三类水？');
    expect(asked.askedUnit).toBeUndefined();
    const { answering } = judge(asked, [hit('湖水水质累计6个月达到Ⅲ类。')], sameWeight);
    expect(answering[0]?.matched.map((m) => m.concept)).toContain('三类');
  });

  it('takes a clause that only says how long a thing came to (总里程达到248公里) as saying it of the thing the clause before names', () => {
    refusesThenAnswers(read('甲市地铁一共有多少公里了？'), hit('地铁4号线通车运营，新建道路58条。'), 'unit', hit('轨道交通4号线、8号线通车运营，新增里程151.8公里，总里程达到248公里。'));
  });

  it('counts medals in 枚 as answering 几块', () => {
    expect(judge(read('甲市运动员在全运会上拿了几块金牌？'), [hit('全运会甲市运动员获16枚金牌。')], sameWeight).answering.length).toBe(1);
  });

  it('reads a word with another name put in brackets inside it (断头（瓶颈）路) as saying the word', () => {
    const asked = { ...read('甲市要打通几条断头路？'), concepts: [{ label: '断头路', variants: ['断头路'], kind: 'word' as const, strict: false }] };
    refusesThenAnswers(asked, hit('新建改造道路58条。'), 'figure', hit('今年打通8条断头（瓶颈）路。'));
  });

  it('refuses, asked how many in all, a sentence that only says by how many it changed (同比增加10天), and not when a change is asked', () => {
    refusesThenAnswers(read('甲市去年空气质量优良天数一共是多少天？'), hit('空气质量优良天数同比增加10天。'), 'figure', hit('空气质量优良天数达到300天。'));
    expect(judge(read('甲市去年空气质量优良天数比上年多了几天？'), [hit('空气质量优良天数同比增加10天。')], sameWeight).answering.length).toBe(1);
  });

  it('refuses another grade of the kind asked (三级医院 for 二级医院, 4A for 5A)', () => {
    refusesThenAnswers(read('甲市2025年新增了几家二级医院？'), hit('新增三级医院4家。'), 'kind', hit('新增二级医院3家。'));
    refusesThenAnswers(read('甲市有几个5A级景区？'), hit('全市4A级景区达到20个。'), 'kind', hit('全市5A级景区达到3个。'));
  });

  it('takes a length asked (多长) from a sentence that gives one in 公里 or 米, not from one that only names the thing', () => {
    const asked = read('甲市地铁现在总共有多长了');
    refusesThenAnswers(asked, hit('建成开通地铁10号线等25个交通项目。'), 'unit', hit('地铁运营总里程增至780公里。'));
    expect(judge(asked, [hit('地铁10号线隧道全长1800米。')], sameWeight).answering.length).toBe(1);
  });

  it('takes an amount a month (每人每月1040元) as answering how much in a month (一个月能领多少钱), and not a year\'s total', () => {
    expect(judge(read('甲市低保标准一个月多少钱？'), [hit('居民低保标准提高至每人每月1040元。')], sameWeight).answering.length).toBe(1);
    expect(judge(read('甲市低保标准一年多少钱？'), [hit('居民低保标准提高至每人每月1040元。')], sameWeight).answering).toEqual([]);
  });

  it('refuses, asked the items of a counted list, a sentence that only names the list, and takes one that gives them', () => {
    const named = hit('办好十件民生实事，更好推进“民生一本账、一年一张单”。', 'plan');
    refusesThenAnswers(read('甲市2026年的十件民生实事具体是哪十件？'), named, 'items', hit('10件民生实事分别是：新增公共车位1万个、改造街巷50条、新建公园20个。', 'plan'));
    // Asked which few of something, with no list named by its count, a sentence with a count in it is not held to items.
    expect(judge(read('甲市2023年哪几个季度经济最难？'), [hit('走出一条来之不易的U形上扬曲线，二、三季度承压修复。')], sameWeight).ranked[0].mismatch).not.toBe('items');
  });

  it('refuses an amount said of something else than what is asked, in another clause of the sentence', () => {
    const { answering, ranked } = judge(read('创作基地孵化出多少主播？'), [hit('华北首家短视频创作基地落户我市，数字经济核心产业营收达到160亿元。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('figure');
    // The asked thing in the clause of the amount, even a number with no unit after it, answers.
    expect(judge(read('空气质量综合指数是多少？'), [hit('优良天数282天，空气质量综合指数降至4.95、创历史最好水平。')], sameWeight).answering.length).toBe(1);
    // An index is a number with no unit after it: the sentence's only figure still answers.
    expect(judge(read('空气质量综合指数是多少？'), [hit('空气质量综合指数4.73，创历史最好水平。')], sameWeight).answering.length).toBe(1);
  });

  it('prefers, asked for a place\'s role (定位), the sentence that makes it the subject of becoming something', () => {
    const hits = [hit('做优“乙县小米”“丙县陈醋”等品牌。', 'plan'), hit('支持乙县打造新材料和先进制造业新城。', 'plan')];
    const { answering } = judge(read('甲市对乙县的定位是什么？'), hits, sameWeight);
    expect(answering[0].sentence.text).toBe('支持乙县打造新材料和先进制造业新城。');
    expect(judge(read('甲市对乙县的定位是什么？'), hits, sameWeight, { ...ANSWER_TUNING, roleBonus: 0 }).answering[0].sentence.text).toBe('做优“乙县小米”“丙县陈醋”等品牌。');
  });

  it('reads the items of a list under its counted heading as saying the heading, and picks the asked item', () => {
    const list = hit('3大战略定位。一是建设先进制造业基地。二是建设现代服务业集聚区。三是建设综合交通枢纽。', 'plan');
    const { answering } = judge(read('甲市3大战略定位里，服务业那条是怎么定的？'), [list], sameWeight);
    expect(answering[0].sentence.text).toBe('二是建设现代服务业集聚区。');
    // Without the heading the item does not say the count, and another list's item is no answer.
    const { answering: none, ranked } = judge(read('甲市3大战略定位里，服务业那条是怎么定的？'), [hit('建设现代服务业集聚区。', 'plan')], sameWeight);
    expect(none).toEqual([]);
    expect(ranked[0].mismatch).toBe('figure');
  });

  it('refuses, asked an amount in no unit, a sentence whose only amount is the one the question told', () => {
    refusesThenAnswers(read('甲市那340个重点项目一共完成了多少投资？'), hit('建成投用东站、高铁等340个重点项目。'), 'figure', hit('340个重点项目完成投资1200亿元。'));
  });

  it('refuses, asked the target of one measure, the target of another measure in the same list', () => {
    const targets = '今年发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业8万人；';
    refusesThenAnswers(read('甲市2026年社会消费品零售总额增长目标是多少？'), hit(targets, 'plan'), 'figure', hit(`${targets}社会消费品零售总额增长6%。`, 'plan'));
    // Asked only what happens (增长目标), any amount of the list answers.
    expect(judge(read('甲市2026年增长目标是多少？'), [hit(targets, 'plan')], sameWeight).answering.length).toBeGreaterThan(0);
  });

  it('reads a plan sentence as a target though it does not say 目标, and any measure word as answering 多少个', () => {
    const weighsTarget = (concept: { label: string }) => (concept.label === '目标' ? 1.5 : 1);
    const planned = hit('实现城镇新增就业不少于26万人。', 'plan');
    expect(judge(read('甲市2026年城镇新增就业的目标是多少？'), [planned], weighsTarget).answering.length).toBe(1);
    expect(judge(read('甲市2026年城镇新增就业的目标是多少？'), [hit('实现城镇新增就业不少于26万人。', 'review')], weighsTarget).answering).toEqual([]);
    const { answering, ranked } = judge(read('甲市2025年有多少个优良天数？'), [hit('全年优良天数282天，空气质量综合指数4.13。')], sameWeight);
    expect(ranked[0].mismatch).toBeUndefined();
    expect(answering.length).toBe(1);
  });

  it('takes any measure word of things for another (多少家博物馆: 108座), a weight in 斤, and people counted in the asked people', () => {
    expect(judge(read('甲市现在一共有多少家博物馆？'), [hit('博物馆达到108座。')], sameWeight).answering.length).toBe(1);
    expect(judge(read('甲市2025年打算收多少粮食？'), [hit('确保粮食产量达到5.24亿斤以上。', 'plan')], sameWeight).answering.length).toBe(1);
    expect(judge(read('甲市2025年一天能来多少游客？'), [hit('每天有近20万游客“打卡”甲市。')], sameWeight).answering.length).toBe(1);
  });

  it('takes no ordinal for a count (第1000万辆), unless an ordinal is asked (第几届)', () => {
    refusesThenAnswers(read('2025年甲市一共生产了多少万辆新能源汽车？'), hit('中国年度第1000万辆新能源汽车在甲市下线。'), 'unit', hit('全年生产新能源汽车30万辆。'));
    expect(judge(read('甲市办过国际大赛，2025年那次是第几届？'), [hit('成功举办第六届国际柔力球大赛。')], sameWeight).answering.length).toBe(1);
  });

  it('counts the people a question names (游客…多少人) in 人, and no other people', () => {
    expect(judge(read('甲市2025年每天来的游客大概多少人？'), [hit('每天有近20万游客打卡甲市。')], sameWeight).answering.length).toBe(1);
    // A count of a day is no total: "接待游客多少人次" is not answered by "每天有近20万游客".
    refusesThenAnswers(read('甲市2025年接待游客多少人次？'), hit('每天有近20万游客打卡甲市。'), 'figure', hit('全年接待游客5000万人次。'));
    refusesThenAnswers(read('甲市高校毕业生就业有多少人？'), hit('高校毕业生就业帮扶有力，33万农民工就近就业。'), 'unit', hit('高校毕业生就业2.1万人。'));
  });

  it('counts a near word the sentence itself says (赤字 for 财政赤字) as the sentence saying the question, not only its passage', () => {
    const neighbours = (word: string) => (word === '财政赤字' ? [{ word: '赤字', similarity: 0.81 }] : []);
    const asked = readQuestion('甲市今年财政赤字规模有多少？', ['甲'], new Set([2025, 2026]), { neighbours });
    const deficitWeighs = (concept: { label: string }) => (concept.label === '财政赤字' ? 3 : 1);
    const { answering } = judge(asked, [hit('今年赤字达5.66万亿元。', 'plan')], deficitWeighs);
    expect(answering.map((a) => a.sentence.text)).toEqual(['今年赤字达5.66万亿元。']);
  });

  it('reads a word of four or more characters with one character put inside it (普惠托位 in 普惠性托位) as said', () => {
    const { answering, ranked } = judge(read('新增普惠托位和养老床位各多少？'), [hit('新增普惠性托位3000个、养老床位2000张。')], sameWeight);
    expect(answering.length).toBe(1);
    expect(ranked[0].matched.find((m) => m.concept === '普惠托位')?.presence).toBe(1);
  });

  it('takes, asked how many of a thing there are, only an amount that counts that thing', () => {
    const asked = read('甲市有多少博物馆？');
    const { answering, ranked } = judge(asked, [hit('天龙山同时拥有“国家一级博物馆、国家5A级景区”3块“金字招牌”。举办32场演唱会，新建博物馆。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked.find((r) => r.sentence.text.includes('金字招牌'))?.mismatch).toBe('figure');
    expect(ranked.find((r) => r.sentence.text.includes('演唱会'))?.mismatch).toBeDefined();
    for (const counts of ['博物馆达到108座。', '建成108座博物馆。', '新增12座省级重点博物馆。'])
      expect(judge(asked, [hit(counts)], sameWeight).answering.map((a) => a.sentence.text)).toEqual([counts]);
  });

  it('takes, asked what the report of a year says, a sentence of its review that names no year', () => {
    const plain = hit('实施农民工就近就业三年行动。', 'review');
    const reviewed = { ...plain, passage: { ...plain.passage, section: '一、2025年和“十四五”时期工作回顾' } };
    const asked = readQuestion('2026年甲市政府工作报告里农民工就近就业是个什么行动？', ['甲'], new Set([2025, 2026]), { reportYears: () => [2026] });
    expect(asked.yearsNameReports).toBe(true);
    expect(judge(asked, [reviewed], sameWeight).answering.length).toBe(1);
    expect(judge(asked, [{ ...reviewed, fit: 0 }], sameWeight).ranked[0].mismatch).toBe('year');
  });

  it('takes an amount spent, said in a clause of its own, as the amount of the thing the clause before or after names', () => {
    const asked = read('甲市暖气改造一共花了多少钱？');
    expect(asked.askedUnit).toBe('元');
    const concepts = [{ label: '暖气', variants: ['暖气', '供热'], kind: 'word' as const, strict: false }, { label: '改造', variants: ['改造'], kind: 'word' as const, strict: false }];
    const spent = judge({ ...asked, concepts }, [hit('温暖工程全面完成，投入近200亿元，改造供热管网近1万公里。')], sameWeight);
    expect(spent.answering.length).toBe(1);
    // An amount of another thing is still none of the asked one.
    expect(judge({ ...asked, concepts }, [hit('改造供热管网近1万公里，新建公园花费2亿元。')], sameWeight).ranked[0].mismatch).toBe('figure');
  });

  it('takes an amount in a clause that only says what the thing named before came to (净增…，总量达到…)', () => {
    const asked = read('甲市2024年GDP总共有多少亿元？');
    const concepts = [{ label: 'gdp', variants: ['gdp', '地区生产总值'], kind: 'word' as const, strict: false }];
    const ranked = judge({ ...asked, concepts }, [hit('全年地区生产总值增长4.6%，净增1307.02亿元，总量达到13317.78亿元；一般公共预算收入增长5.3%。')], sameWeight);
    expect(ranked.answering.length).toBe(1);
    // A clause naming another thing does not go on with it.
    expect(judge({ ...asked, concepts }, [hit('全年地区生产总值增长4.6%，工业投资达到120亿元。')], sameWeight).ranked[0].mismatch).toBe('figure');
  });

  it('refuses a sentence that names the asked thing with its counterpart qualifier (城市低保 for 农村低保), not one that names both', () => {
    const asked = read('甲市农村低保每月标准是多少钱？');
    refusesThenAnswers(asked, hit('城市低保标准从796元/月提高至842元/月。'), 'kind', hit('农村低保标准提高至600元/月。'));
    expect(judge(asked, [hit('城市低保和农村低保标准分别提高至842元/月和600元/月。')], sameWeight).answering.length).toBe(1);
  });

  it('takes no share of a thing (占规上工业总产值比重56.2%) for the amount of the thing, unless a share is asked', () => {
    const concepts = [{ label: '规上工业总产值', variants: ['规上工业总产值'], kind: 'word' as const, strict: false }];
    const asked = { ...read('甲市2025年规上工业总产值做到多少了？'), concepts };
    refusesThenAnswers(asked, hit('高新技术产业产值占规上工业总产值比重达到56.2%。'), 'figure', hit('规上工业总产值达到4.9万亿元。'));
    const share = { ...read('甲市2025年高新技术产业产值占规上工业总产值比重是多少？'), concepts };
    expect(judge(share, [hit('高新技术产业产值占规上工业总产值比重达到56.2%。')], sameWeight).answering.length).toBe(1);
  });

  it('reads "more than" after the order of magnitude (1.1万余个) as before it (20余万个)', () => {
    const asked = read('甲市去年新加了多少个公共停车位？');
    expect(judge(asked, [hit('新增公共停车位1.1万余个。')], sameWeight).answering.length).toBe(1);
  });

  it('takes a count of people or households opening a clause as how many the thing named before reached', () => {
    const concepts = [{ label: '配售型保障性住房', variants: ['配售型保障性住房'], kind: 'word' as const, strict: false }];
    const asked = { ...read('甲市2025年配售型保障性住房有多少户已经住上了？'), concepts };
    expect(asked.askedUnit).toBe('户');
    refusesThenAnswers(asked, hit('配售型保障性住房启动建设，新建公园12个，改造3947户老旧平房。'), 'figure', hit('率先启动配售型保障性住房建设，3947户家庭实现安居梦。'));
  });

  it('puts first, of two sentences that score the same, the one saying the question\'s own word rather than its synonym', () => {
    const asked = { ...read('甲市进出口涨了吗？'), concepts: [{ label: '进出口', variants: ['进出口', '外贸'], kind: 'word' as const, strict: false }] };
    const ranked = judge(asked, [hit('外贸企业新增12户。进出口总额增长36.9%。')], sameWeight).answering;
    expect(ranked.map((s) => s.coverage)).toEqual([1, 1]);
    expect(ranked[0].sentence.text).toContain('进出口');
  });

  it('takes a sentence of the other part that says the asked year as its report\'s 今年, not one that says nothing of it', () => {
    const asked = read('甲市2026年有多少高校毕业生？');
    const saysThisYear = hit('今年全市有5万名高校毕业生，就业压力加大。', 'review');
    const saysNoYear = hit('全市有5万名高校毕业生，就业压力加大。', 'review');
    expect(judge(asked, [{ ...saysThisYear, fit: 0 }], sameWeight).answering.length).toBe(1);
    expect(judge(asked, [{ ...saysNoYear, fit: 0 }], sameWeight).ranked[0].mismatch).toBe('year');
    expect(judge(asked, [{ ...saysThisYear, fit: 0, reportYear: 2027 }], sameWeight).ranked[0].mismatch).toBe('year');
  });

  it('takes, asked in English how many of a thing, only an amount that counts that thing', () => {
    const chinese = read('甲市多少博物馆？');
    const asked = { ...chinese, concepts: [{ label: 'museums', variants: ['博物馆'], kind: 'english' as const, strict: false }] };
    refusesThenAnswers(asked, hit('拥有“国家一级博物馆”3块“金字招牌”，举办展览32场。'), 'figure', hit('博物馆达到108座。'));
  });

  it('takes, asked how many of a thing, no amount that counts the noun right before it (幼儿园10所 for 多少个学位)', () => {
    refusesThenAnswers(read('甲市新改扩建的那批学校，一共能新增多少个学位？'), hit('新改扩建公办幼儿园10所、中小学9所。', 'plan'), 'figure', hit('新改扩建中小学9所，新增学位5000个。', 'plan'));
    const compound = read('甲市每条产业链要搞几个基础再造工程项目？');
    expect(judge(compound, [hit('每条产业链实施产业链基础再造工程项目3个以上。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it('takes from the part on the five years a year opens only an item of its lists, and a year\'s plan sentence that links to the period; never a figure of the period', () => {
    const period = (text: string) => {
      const plain = hit(text, 'plan');
      return { ...plain, passage: { ...plain.passage, section: '布局“十五五” 接续奋斗' } };
    };
    const principle = judge(read('甲市2026年基本原则的第二条是什么？'), [period('3条基本原则。一是坚持人民至上。二是坚持高质量发展。三是坚持统筹发展和安全。')], sameWeight);
    expect(principle.answering.map((a) => a.sentence.text)).toContain('二是坚持高质量发展。');
    const { answering, ranked } = judge(read('甲市2026年地区生产总值增长目标是多少？'), [period('地区生产总值年均增长5%左右。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('year');
    // Asked no item of its lists, the period's part is not the year's plan; a plan sentence of the year that links to the period is.
    expect(judge(read('甲市2026年深化改革要解决哪些问题？'), [period('四是坚持全面深化改革。')], sameWeight).ranked[0].mismatch).toBe('year');
    const linked = hit('常态管理调度项目谋划清单，联动“十五五”规划项目盘子。', 'plan');
    expect(judge(read('甲市2026年调度的是啥项目谋划清单？'), [{ ...linked, passage: { ...linked.passage, section: '2026年工作安排' } }], sameWeight).answering.length).toBe(1);
    // A heading that starts the period well is its first year's plan: its figures are the year's.
    const opening = hit('粮食产量513万吨以上。', 'plan');
    const started = { ...opening, passage: { ...opening.passage, section: '三、全力推动“十五五”开好局、起好步' } };
    expect(judge(read('甲市2026年粮食产量目标是多少？'), [started], sameWeight).answering.length).toBe(1);
  });

  it('reads a two-character word as said by the two words it abbreviates (减负 of 减轻基层负担), within one clause', () => {
    const asked = read('甲市给基层减负是怎么说的？');
    const said = judge(asked, [hit('坚决纠治形式主义，切实减轻基层负担。')], sameWeight);
    expect(said.answering[0]?.matched.find((m) => m.concept === '减负')?.presence).toBeGreaterThan(0);
    const apart = judge(asked, [hit('基层治理持续减少，负责同志到位。')], sameWeight);
    expect(apart.ranked[0].matched.find((m) => m.concept === '减负')).toBeUndefined();
  });

  it('weighs the asked compound over a thing of the asker\'s story', () => {
    const asked = read('我在甲市包地种菜，地边上以前有个小化工厂，2025年报告在治理土壤污染这块是怎么提的？');
    const hits = [hit('持续推动化工区搬迁。', 'plan'), hit('强化土壤污染源头防控。', 'plan')];
    expect(judge(asked, hits, lighterSingles).answering[0]?.sentence.text).toBe('强化土壤污染源头防控。');
  });

  it('refuses a sentence with the words but another line number (a near miss)', () => {
    const { answering, ranked } = judge(read('地铁3号线什么时候通车？'), [hit('地铁2号线建成通车。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('figure');
  });

  it('refuses, asked a figure of a place inside the report\'s, a sentence that does not name it (the report\'s figure is its whole place\'s)', () => {
    const asked = readQuestion('古交2025年地区生产总值增长目标是多少？', ['太原'], new Set([2025]));
    expect(asked.subPlaces).toEqual(['古交']);
    refusesThenAnswers(asked, hit('地区生产总值增长5%左右。', 'plan'), 'place', hit('支持古交地区生产总值增长6%。', 'plan'));
    // Named with its suffix in a clause of its own, after the report's place owned by the asker, it is asked all the same.
    const owned = readQuestion('咱们太原的古交市，2025年地区生产总值增长目标是多少？', ['太原'], new Set([2025]));
    refusesThenAnswers(owned, hit('地区生产总值增长5%左右。', 'plan'), 'place', hit('支持古交地区生产总值增长6%。', 'plan'));
    // The place named in one clause and an amount in another (another place's) is no answer either.
    refusesThenAnswers(asked, hit('市区地区生产总值增长5%左右，古交加快转型。', 'plan'), 'place', hit('支持古交地区生产总值增长6%。', 'plan'));
    // A thing there asked about by name needs no place.
    expect(judge(readQuestion('古交那个方山高速建得怎么样？', ['太原'], new Set([2025])), [hit('加快推进方山高速建设。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it('takes, asked whether the report says a quoted phrase, a sentence that says it verbatim, the rest of the question only framing it', () => {
    const said = hit('坚持“四下基层”，强化服务意识。', 'plan');
    // 干部 weighs as much as the rest (as a rarer word would): unquoted, the sentence covers too little.
    const framingHeavy = (concept: { label: string }) => (concept.label === '干部' ? 3 : 1);
    expect(judge(read('甲市报告里有没有提干部要“四下基层”？'), [said], framingHeavy).answering.length).toBe(1);
    expect(judge(read('甲市报告里有没有提干部要四下基层？'), [said], framingHeavy).answering).toEqual([]);
    expect(judge(read('甲市报告里有没有提干部要“五下基层”？'), [said], framingHeavy).answering).toEqual([]);
  });

  it('takes 次 for 趟, a measure of the same thing', () => {
    const { answering } = judge(read('甲市领导带队出去招商，跑了多少趟？'), [hit('区级领导带队招商考察32次。')], sameWeight);
    expect(answering.length).toBe(1);
  });

  it('refuses a sentence without an amount in the asked unit', () => {
    const { answering, ranked } = judge(read('新增养老床位多少张？'), [hit('养老服务体系更加完善，养老床位持续增加。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('unit');
  });

  it('refuses a sentence that covers too little of the question, at the configured bar', () => {
    const question = read('社区足球场、篮球场、游泳池和健身房有没有新建？');
    const hits = [hit('新建足球场。')];
    expect(judge(question, hits, sameWeight).answering).toEqual([]);
    expect(judge(question, hits, sameWeight, { ...ANSWER_TUNING, minCoverage: 0.3 }).answering.length).toBe(1);
  });

  it('holds a sentence to its own bar when the question asks a figure', () => {
    const question = read('社区足球场、篮球场和游泳池新建了多少个？');
    const hits = [hit('新建足球场22个。')];
    expect(judge(question, hits, sameWeight, { ...ANSWER_TUNING, minCoverage: 0.3 }).answering).toEqual([]);
    expect(judge(question, hits, sameWeight, { ...ANSWER_TUNING, figureMinCoverage: 0.3 }).answering.length).toBe(1);
  });

  it('ranks the sentence saying more of the question first', () => {
    const { answering } = judge(read('新建公园多少个？'), [hit('新建学校5所。'), hit('新建公园22个。')], sameWeight);
    expect(answering[0].sentence.text).toBe('新建公园22个。');
  });

  it('accepts a sentence although the question tells about the asker first', () => {
    const question = read('甲市停车太难了，每天回家绕好几圈，2025年要新增多少公共车位？');
    expect(question.concepts.filter((c) => c.situation).length).toBeGreaterThan(0);
    const { answering } = judge(question, [hit('新增公共车位1万个。')], sameWeight);
    expect(answering[0]?.sentence.text).toBe('新增公共车位1万个。');
  });

  it('holds a sentence to the told words when the asking clause only points back at them', () => {
    const question = read('甲市看病老让重复做检查，政府有没有说要改？');
    expect(question.concepts.filter((c) => c.situation).length).toBeGreaterThan(0);
    expect(judge(question, [hit('政府要改进作风。')], lighterSingles).answering).toEqual([]);
    expect(judge(question, [hit('推动检查结果互认，减少重复检查。')], lighterSingles).answering.length).toBe(1);
  });

  it("does not hold a sentence to words of the asker's story it does not say, however rare they are", () => {
    const question = read('甲市2025年要新增多少公共车位？我家楼下老是停满了外地牌照的小货车，吵得孩子睡不着。');
    expect(question.concepts.filter((c) => c.situation).length).toBeGreaterThan(2);
    const unknownWordsWeighMost = (c: Concept) => (c.situation ? 10 : 1);
    expect(judge(question, [hit('新增公共车位1万个。')], unknownWordsWeighMost).answering.length).toBe(1);
  });

  it('does not hold a sentence to the kind of answer asked for (定位, 怎么规划) when the question names its topic', () => {
    const question = read('甲市对东湖的定位是什么？');
    expect(question.concepts.find((c) => c.label === '定位')?.asksFor).toBe(true);
    const typeWordsWeighMost = (c: Concept) => (c.label === '定位' ? 10 : 1);
    expect(judge(question, [hit('支持东湖打造中心城市会客厅。')], typeWordsWeighMost).answering.length).toBe(1);
    expect(read('甲市对东湖是怎么规划的？').concepts.find((c) => c.label === '规划')?.asksFor).toBe(true);
    expect(read('甲市今年对医药产业有什么新动作？').concepts.find((c) => c.label === '动作')?.asksFor).toBe(true);
  });

  it('holds a sentence to the told thing when the question points back at it (这个项目)', () => {
    const question = read('我爸的厂里上了个甲醇新项目。甲市2025年提没提这个项目，投产了没有？');
    expect(question.concepts.find((c) => c.label === '项目' && !c.situation)?.pointedAt).toBe(true);
    const toldThingWeighsMost = (c: Concept) => (c.label === '甲醇' ? 10 : ['项目', '投产'].includes(c.label) ? 1 : 0.1);
    expect(judge(question, [hit('一批转型项目建设投产。')], toldThingWeighsMost).answering).toEqual([]);
    expect(judge(question, [hit('焦化联产甲醇项目投产。')], toldThingWeighsMost).answering.length).toBe(1);
  });

  it('does not hold a sentence to a figure the asker told, nor to a comment after the question', () => {
    const question = read('我每天来回两个小时。甲市2025年要新建多少所学校？领导天天催，压力山大。');
    expect(question.concepts.find((c) => c.label === '两个')).toMatchObject({ situation: true, strict: false });
    expect(question.concepts.map((c) => c.label)).not.toContain('领导');
    expect(judge(question, [hit('新建学校5所。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it('holds a sentence to what the asker heard, not to their own clauses, when the question points back at the story', () => {
    const question = read('我在东湖边开了个农家乐，生意一般。听说甲市要成立一个文旅公司，统一运营景区。2025年的报告里是怎么说的？');
    expect(question.concepts.find((c) => c.label === '农家乐')).toMatchObject({ situation: true, told: 'asker' });
    expect(question.concepts.find((c) => c.label === '景区')).toMatchObject({ situation: true, told: 'heard' });
    expect(judge(question, [hit('组建文旅集团，推动景区统一运营。', 'plan')], sameWeight).answering.length).toBe(1);
    expect(judge(question, [hit('东湖农家乐生意兴隆。', 'plan')], sameWeight).answering).toEqual([]);
  });

  it('does not take a sentence for an answer because one character of the question is inside its words', () => {
    const question = read('甲市路口红灯老不变，2025年有啥说法没？');
    expect(question.concepts.find((c) => c.label === '老')?.tag).not.toMatch(/^n/);
    const topicWords = (c: Concept) => (['路口', '红灯'].includes(c.label) ? 1 : c.label === '老' ? 0.5 : 0);
    const { answering } = judge(question, [hit('优化路口红灯配时。让老百姓更放心。', 'plan')], topicWords);
    expect(answering.map((s) => s.sentence.text)).toEqual(['优化路口红灯配时。']);
  });

  it('reads a number between two nouns as the first noun\'s number (国道108), not a figure with a unit', () => {
    const question = read('甲市国道108过境段是怎么安排的？');
    expect(question.concepts.find((c) => c.kind === 'figure')?.label).toBe('国道108');
    expect(judge(question, [hit('推动国道108甲市过境段开工建设。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it("takes a year's plan that names a later deadline (到2026年底) for that year's plan, not another year's", () => {
    const question = read('甲市2025年在碳纤维上打算建什么样的生产基地？');
    const plan = hit('碳纤维专业镇，到2026年底再引进10家企业，打造综合性生产基地。', 'plan');
    expect(judge(question, [plan], sameWeight).answering.length).toBe(1);
    expect(judge(question, [hit('碳纤维专业镇，2026年打造综合性生产基地。', 'plan')], sameWeight).ranked[0].mismatch).toBe('year');
  });

  it('reads a thing pointed at (这个工厂) as the story\'s thing with the same head (钢管厂)', () => {
    const question = read('我爸在甲市钢管厂干了一辈子。听说2025年要改造这个工厂？');
    expect(question.concepts.find((c) => c.label === '工厂')?.variants).toContain('钢管厂');
    const toldThingWeighs = (c: Concept) => (['工厂', '改造'].includes(c.label) ? 1 : 0);
    expect(judge(question, [hit('改造提升甲市钢管厂。', 'plan')], toldThingWeighs).answering.length).toBe(1);
  });

  it('counts a two-character word with a character put in it (串成 in 串联成线) as said in part', () => {
    const question = read('甲市2025年要把哪几个景点串成线？');
    const [linked] = judge(question, [hit('推动东湖、西山等景点串联成线。', 'plan')], sameWeight).ranked;
    expect(linked.matched).toContainEqual({ concept: '串成', presence: ANSWER_TUNING.partPresence });
  });

  it('reads a figure without the particle after it (到5000亿了吗)', () => {
    const question = read('甲市GDP到5000亿了吗？');
    expect(question.concepts.filter((c) => c.kind === 'figure').map((c) => c.label)).toEqual(['5000亿']);
    expect(judge(question, [hit('地区生产总值迈上5000亿元台阶。')], sameWeight).ranked[0].mismatch).toBeUndefined();
  });

  it('takes a set phrase jieba tags l (退役军人) for the thing asked about, so the story before it does not count', () => {
    const question = read('我是退伍军人，现在在甲市跑网约车。前两年做了个手术。想问甲市2025年对困难退役军人有什么说法吗？');
    expect(question.concepts.find((c) => c.label === '手术')?.situation).toBe(true);
    expect(isTopicWord(question.concepts.find((c) => c.label === '退役军人')!)).toBe(true);
    const storyWordsWeighMost = (c: Concept) => (c.situation ? 5 : 1);
    expect(judge(question, [hit('加大困难退役军人帮扶援助力度。', 'plan')], storyWordsWeighMost).answering.length).toBe(1);
  });

  it('reads a word jieba does not know followed by an aspect word (投用了没有) as a verb', () => {
    expect(read('甲市托育中心后来投用了没有？').concepts.find((c) => c.label === '投用')?.tag).toBe('v');
  });

  it('takes a sentence saying one of two concepts that are one thing (雾霾 and PM2.5: 细颗粒物) as saying both', () => {
    const question = read('甲市2025年雾霾怎么样，PM2.5一年平均多少？');
    expect(question.concepts.find((c) => c.label === '雾霾')?.variants).toContain('细颗粒物');
    expect(judge(question, [hit('细颗粒物年均浓度32微克/立方米。')], (c) => (c.label === '平均' ? 0.2 : 1)).answering.length).toBe(1);
  });

  it('takes a Roman numeral with its kind (Ⅲ类) for the amount asked (几类)', () => {
    const { answering } = judge(read('甲市2025年断面水质要达到几类？'), [hit('确保国考断面达Ⅲ类水质。', 'plan')], sameWeight);
    expect(answering.length).toBe(1);
  });

  it('cuts the question again where jieba cut across a place (晋/中段) or a report word (比/重要)', () => {
    const labels = (text: string) => readQuestion(text, ['晋中'], new Set([2025]), { knows: (word) => word === '比重' }).concepts.map((c) => c.label);
    expect(labels('晋中2025年汾河晋中段的断面水质要达到几类？')).not.toContain('中段');
    expect(labels('晋中2025年非化石能源消费比重要达到多少？')).toContain('比重');
  });

  it('reads a time in words (一小时) as the figure a report writes in digits (1小时)', () => {
    const question = read('听说甲市要修一条一小时到邻市的快速路，真的假的？');
    expect(question.concepts.find((c) => c.kind === 'figure')?.variants).toContain('1小时');
    expect(question.concepts.map((c) => c.label)).not.toContain('真的假');
    expect(judge(question, [hit('打造连接四市1小时城市快速路。', 'plan')], sameWeight).ranked[0].mismatch).toBeUndefined();
  });

  it('takes a sentence saying the describing words of a described term, not the term (another place\'s name for it), as saying it almost fully, or in part for one side', () => {
    const question = read('甲市2025年要改造多少处老旧厂房？');
    const described = question.concepts.find((c) => c.sides !== undefined);
    expect(described?.sideWords?.flat()).toEqual(expect.arrayContaining(['旧厂房', '改造']));
    const [best] = judge(question, [hit('改造提升老旧厂房40处。', 'plan')], sameWeight).ranked;
    expect(best.matched).toContainEqual({ concept: described!.label, presence: ANSWER_TUNING.describedPresence });
    const [oneSide] = judge(question, [hit('盘活老旧厂房40处。', 'plan')], sameWeight).ranked;
    expect(oneSide.matched).toContainEqual({ concept: described!.label, presence: ANSWER_TUNING.partPresence / 2 });
  });

  it('takes another word of the same describing side (农村公路 for 农村的路) as saying it, and the amount said of it as the one asked', () => {
    const question = read('甲市2025年农村的路打算修多少公里？');
    const described = question.concepts.find((c) => c.sides !== undefined);
    expect(described?.sideWords?.[0]).toContain('农村公路');
    const { answering } = judge(question, [hit('升级改造农村公路超4000公里。', 'plan')], sameWeight);
    expect(answering[0]?.matched).toContainEqual({ concept: described!.label, presence: ANSWER_TUNING.describedPresence });
  });

  it('reads a figure in either spelling of its unit (35岁 in the question, 35周岁 in the report)', () => {
    const { answering } = judge(read('甲市2025年引进了多少35岁以下的大学生？'), [hit('新引进35周岁以下大学生42.9万名。')], sameWeight);
    expect(answering.length).toBe(1);
    expect(judge(read('甲市2025年引进了多少35岁以下的大学生？'), [hit('新引进45周岁以下大学生42.9万名。')], sameWeight).answering).toEqual([]);
  });

  it('takes "a year\'s work" (总结2024年工作) for how a report names its parts, not for a topic', () => {
    expect(read('甲市总结2025年工作的时候提到智能工厂没有？').concepts.map((c) => c.label)).not.toContain('工作');
    expect(read('甲市2025年的工作重点有哪些？').concepts.map((c) => c.label)).toContain('工作');
  });

  it('does not read an everyday phrase that ends inside a numeral word (全省第一 of 全省第一次)', () => {
    const labels = read('甲市2025年是不是办了个全省第一次的科技节？').concepts.map((c) => c.label);
    expect(labels).not.toContain('全省第一');
    expect(read('甲市2025年工业投资是不是全省第一？').concepts.map((c) => c.label)).toContain('全省第一');
    // Nor does 第一次 make 大学生 another kind of thing (as 二手 makes 挖掘机).
    expect(read('甲市2025年是不是办了个全省第一次的大学生科技节？').concepts.find((c) => c.label === '大学生')?.onlyWith).toBeUndefined();
  });

  it('takes a full-width percent sign (57％) for the share asked', () => {
    const { answering } = judge(read('甲市2025年工业固废综合利用率要达到多少？'), [hit('工业固废综合利用率达到57％。', 'plan')], sameWeight);
    expect(answering.length).toBe(1);
  });

  it('reads a unit of government with a locative (县里, 村里) as the unit a report names (各县)', () => {
    const question = read('甲市的县里都有职业学校吗？');
    expect(question.concepts.find((c) => c.label === '县里')?.variants).toContain('县');
    expect(judge(question, [hit('各县（区、市）办好1所职业学校。', 'plan')], sameWeight).answering.length).toBe(1);
  });

  it('takes three words shortened to their first characters (客运、货运、邮政 -> 客货邮) as said, and two by chance (中国 for 中心、国家) not', () => {
    const { answering, ranked } = judge(read('甲市农村的客运、货运和邮政怎么打算？'), [hit('推进农村客货邮融合发展。', 'plan')], sameWeight);
    expect(answering.length).toBe(1);
    expect(ranked[0].matched.map((m) => m.concept)).toEqual(expect.arrayContaining(['客运', '货运', '邮政']));
    const twoByChance = judge(read('甲市的国家中心怎么打算？'), [hit('推进中国品牌建设。', 'plan')], sameWeight);
    expect(twoByChance.ranked[0].matched.map((m) => m.concept)).not.toContain('中心');
  });

  it('takes two words the question says one after the other, shortened to their first characters (综合 指数 -> 综指), as said', () => {
    const { ranked } = judge(read('甲市的空气综合指数是多少？'), [hit('全年空气质量持续改善，综合治理成效明显。'), hit('空气综指4.13。')], sameWeight);
    expect(ranked[0].sentence.text).toBe('空气综指4.13。');
    expect(ranked[0].matched.map((m) => m.concept)).toEqual(expect.arrayContaining(['综合', '指数']));
    const apart = judge(read('甲市的指数，综合来看怎么样？'), [hit('空气综指4.13。')], sameWeight);
    expect(apart.ranked[0].matched.map((m) => m.concept)).not.toContain('指数');
    // By the words' own first characters: 口 of a variant 口袋公园 and 绿 of 绿化 are no 路口绿波.
    const question = { ...read('甲市公园绿化有什么行动？') };
    question.concepts = question.concepts.map((c) => (c.label === '公园' ? { ...c, variants: ['公园', '口袋公园'] } : c));
    expect(judge(question, [hit('推进路口绿波管理。')], sameWeight).ranked[0].matched.map((m) => m.concept)).not.toContain('绿化');
  });

  it('refuses a sentence whose only amount in the asked unit is the one the asker told (过了5万亿，精确到亿元是多少)', () => {
    const question = read('甲市经济规模过了5万亿，2025年精确到亿元是多少？');
    expect(question.askedUnit).toBe('亿元');
    const { answering, ranked } = judge(question, [hit('全市生产总值增长5%，经济规模进入5万亿元以上的新阶段。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('figure');
    expect(judge(question, [hit('经济规模迈上5万亿元新台阶，达到53926.7亿元。')], sameWeight).answering.length).toBe(1);
  });

  it('takes a report word typed in pinyin among Chinese (huogongqu) as said by a sentence with characters of that sound', () => {
    const question = read('甲市huogongqu搬迁怎么说的？');
    const { ranked } = judge(question, [hit('做好老厂区搬迁服务保障。', 'plan'), hit('全力做好火工区搬迁服务保障。', 'plan')], sameWeight);
    expect(ranked[0].sentence.text).toBe('全力做好火工区搬迁服务保障。');
    expect(ranked[0].matched.map((m) => m.concept)).toContain('huogongqu');
    expect(ranked[1].matched.map((m) => m.concept)).not.toContain('huogongqu');
  });

  it('refuses a count in another unit (几趟 answered with 条)', () => {
    const { answering, ranked } = judge(read('甲市的中欧班列2025年发了几趟车？'), [hit('中欧班列开行路线新增8条。')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('unit');
  });

  it('takes the list item that holds the asked indicator, not the lead clause, from a list of targets', () => {
    const targets = hit('主要预期目标是：地区生产总值增长5%；规上工业增加值增长6%；城镇新增就业8万人。', 'plan');
    const { answering } = judge(read('规上工业增加值增长目标是多少？'), [targets], sameWeight);
    expect(answering[0].sentence.text).toBe('规上工业增加值增长6%；');
  });

  it('refuses a sentence where what is asked to happen (通车) is said of another numbered line than the asked one', () => {
    const both = hit('1号线一期年底建成通车，3号线一期力争年内开工。', 'plan');
    refusesThenAnswers(read('甲市地铁3号线什么时候通车？'), both, 'figure', hit('3号线一期年底建成通车。', 'plan'));
    // Asked when it starts, the clause that says 3号线 says it.
    expect(judge(read('甲市地铁3号线什么时候开工？'), [both], sameWeight).answering.length).toBe(1);
  });

  it('takes a sentence naming a project with no phase as saying its first phase, not another phase, nor a later one', () => {
    const asked = read('甲市地铁1号线一期通车了吗？');
    const [opened] = judge(asked, [hit('地铁1号线开通运营。')], sameWeight).ranked;
    expect(opened.mismatch).toBeUndefined();
    expect(opened.matched).toContainEqual({ concept: '一期', presence: ANSWER_TUNING.partPresence });
    expect(judge(asked, [hit('地铁1号线二期开工建设。')], sameWeight).ranked[0].mismatch).toBe('figure');
    expect(judge(read('甲市机场四期什么时候开工？'), [hit('机场改扩建工程力争年内开工。')], sameWeight).ranked[0].mismatch).toBe('figure');
  });

  it('refuses what a year achieved when its target is asked (another kind of figure)', () => {
    const question = read('新建公园的目标是多少个？');
    const { answering, ranked } = judge(question, [hit('新建公园16个。', 'review')], sameWeight);
    expect(answering).toEqual([]);
    expect(ranked[0].mismatch).toBe('kind');
    expect(judge(question, [hit('新建公园目标20个。', 'plan')], sameWeight).answering.length).toBe(1);
  });
});
