import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/search/question.js';
import { readQuestion } from '../support/reader.js';

const CITIES = ['太原', '晋中'];
const labels = (q: Question) => q.concepts.map((c) => c.label);

describe('reading a question', () => {
  it('finds years, cities and whether a figure is asked for', () => {
    const q = readQuestion('2025年太原新建了多少公里道路？', CITIES);
    expect(q).toMatchObject({ years: [2025], cities: ['太原'], otherPlaces: [], wantsFigure: true, wantsTime: false, comparison: false });
    expect(labels(q)).toContain('道路');
    // The unit is checked as a unit (a figure in 公里), not as a word any sentence may say.
    expect(q.askedUnit).toBe('公里');
    expect(labels(q)).not.toContain('公里');
    expect(labels(q)).not.toContain('太原');
    expect(labels(q)).not.toContain('多少');
  });

  it('reads a verb said twice as the verb, not as a kind of the noun after it', () => {
    for (const asked of ['甲市有没有说要管管市场秩序？', '甲市有没有说要管一管市场秩序？']) {
      const q = readQuestion(asked, ['甲']);
      expect(q.concepts.find((c) => c.label === '市场秩序')?.onlyWith).toBeUndefined();
      expect(q.concepts.find((c) => c.label === '管')?.tag).toBe('v');
      expect(labels(q)).not.toContain('管管');
      expect(labels(q)).not.toContain('一');
    }
  });

  it('reads a four-character compound of two nouns as a noun, though jieba tags it an idiom', () => {
    const q = readQuestion('地边上以前有个小化工厂，太原2025年报告在治理土壤污染这块是怎么提的？', CITIES);
    expect(q.concepts.find((c) => c.label === '土壤污染')?.tag).toBe('n');
    expect(q.concepts.find((c) => c.label === '化工厂')?.situation).toBe(true);
    expect(readQuestion('太原说要滚石上山吗？', CITIES).concepts.find((c) => c.label === '滚石上山')?.tag).not.toBe('n');
  });

  it('reads a described thing the asker lives with (住在一个老小区) as told, though a side of it (管道) is asked; not one the question names', () => {
    const lives = readQuestion('我爸妈住在太原一个老小区，楼里的燃气管子用了二十多年。今年市里准备换掉多少公里老旧燃气管道？', CITIES);
    expect(lives.concepts.find((c) => c.label === '老旧小区')?.situation).toBe(true);
    const named = readQuestion('我爸妈住在太原一个老小区，墙皮都掉了。今年太原老旧小区改造多少个？', CITIES);
    expect(named.concepts.find((c) => c.label === '老旧小区')?.situation).toBeUndefined();
  });

  it('reads a quoted phrase said again unquoted in the question as the same concept, asked there', () => {
    const knows = (word: string) => word.length === 2;
    const q = readQuestion('老刷到别的地方放“春秋假”出去玩的视频，我们这儿还没有。想问问太原今年对中小学放春秋假是个什么说法？', CITIES, new Set(), { knows });
    const phrase = q.concepts.find((c) => c.label === '春秋假');
    expect(phrase?.situation).toBeUndefined();
    expect(q.concepts.map((c) => c.label)).not.toContain('春秋');
  });

  it('reads "2025年报告回顾2024年" as asking the year reviewed, in the report of the year after', () => {
    expect(readQuestion('晋中2025年报告回顾2024年的时候，对房地产是怎么说的？', CITIES).years).toEqual([2024]);
    expect(readQuestion('晋中2025年和2024年房地产是怎么说的？', CITIES).years).toEqual([2025, 2024]);
    expect(readQuestion('晋中2025年报告回顾2023年了吗？', CITIES).years).toEqual([2025, 2023]);
    // The report named, then the year before asked of it: what that report reviews.
    expect(readQuestion('根据晋中2025年政府工作报告，2024年GDP是多少？', CITIES).years).toEqual([2024]);
    // What that report says of the year is its review: a result is asked, not the year's target.
    expect(readQuestion('太原2026年的报告里，2025年一年城镇新增就业是多少人？', CITIES)).toMatchObject({ years: [2025], intent: 'review', wantsResult: true });
    expect(readQuestion('晋中2024年和2025年的报告都说了房地产吗？', CITIES).years).toEqual([2024, 2025]);
  });

  it('reads the comparative of "哪个更高" and a rank asked (排老几) as the question, no topic', () => {
    const which = readQuestion('晋中2025年GDP增速和一般公共预算收入增速，哪个更高？', CITIES);
    expect(labels(which)).not.toContain('更高');
    const rank = readQuestion('晋中的水电在全国排老几？', CITIES);
    expect(labels(rank)).not.toContain('老几');
    expect(rank.wantsFigure).toBe(true);
  });

  it('reads a word jieba makes of two places (山西太原) as the places, no topic', () => {
    const q = readQuestion('山西太原2025年地区生产总值增长目标是多少？', CITIES);
    expect(q.cities).toEqual(['太原']);
    expect(labels(q)).not.toContain('山西太原');
  });

  it('reads the people of the asked place (太原人) as framing, no topic', () => {
    expect(labels(readQuestion('太原人吃的菜大多从外地拉，2025年有没有说要多靠自己产？', CITIES))).not.toContain('太原人');
  });

  it('reads "几个点" of a rise or fall as percentage points, and of anything else (拥堵点) as no percentage', () => {
    expect(readQuestion('晋中2024年城乡居民收入各涨了几个点？', CITIES).askedUnit).toBe('%');
    expect(readQuestion('太原2024年GDP比全省高几个点？', CITIES).askedUnit).toBe('%');
    expect(readQuestion('晋中2024年新建了几个公园？', CITIES).askedUnit).toBe('个');
    expect(readQuestion('2025年太原治堵车搞了多少个点？', CITIES).askedUnit).not.toBe('%');
  });

  it('reads "多长" and "多远" as asking a length, but not "多长时间"', () => {
    expect(readQuestion('太原地铁现在总共有多长了', CITIES).askedUnit).toBe('公里');
    expect(readQuestion('太原到晋中的快速路修了多长？', CITIES).askedUnit).toBe('公里');
    expect(readQuestion('太原到晋中开车要多长时间？', CITIES).askedUnit).toBeUndefined();
  });

  it('reads a word with an aspect particle put inside it (表过态) as the word', () => {
    const knows = (word: string) => word === '表态';
    expect(labels(readQuestion('太原有没有表过态？', CITIES, new Set(), { knows }))).toContain('表态');
    expect(labels(readQuestion('太原有没有表过态？', CITIES))).not.toContain('表态');
  });

  it('reads a word with a count put inside it (挂一回号, 办个证) as the word', () => {
    const knows = (word: string) => word === '挂号' || word === '办证';
    expect(labels(readQuestion('太原看病挂一回号能管几天？', CITIES, new Set(), { knows }))).toContain('挂号');
    expect(labels(readQuestion('太原办个证要跑几趟？', CITIES, new Set(), { knows }))).toContain('办证');
  });

  it('reads 这一块, 那一方面 as pointing at what was just named, no topic', () => {
    for (const asked of ['太原工程招投标这一块要不要整一整？', '晋中在养老那一方面怎么安排的？']) {
      expect(labels(readQuestion(asked, CITIES)).some((l) => /^一/.test(l))).toBe(false);
    }
    expect(labels(readQuestion('太原有没有让老人和孩子一块照看的地方？', CITIES))).toContain('一块');
  });

  it('reads "重不重", "快不快" as asking yes or no of the one word', () => {
    for (const asked of ['太原补考、赶考的担子重不重？', '太原地铁建得快不快？']) {
      const labels = readQuestion(asked, CITIES).concepts.map((c) => c.label);
      expect(labels.some((l) => /不/.test(l) && l.length > 1)).toBe(false);
      expect(labels).toContain(asked.includes('重') ? '重' : '快');
    }
  });

  it('ends a number\'s unit where a word ends', () => {
    const figures = (asked: string) => readQuestion(asked, CITIES).concepts.filter((c) => c.kind === 'figure').map((c) => c.label);
    expect(figures('太原“十五五”的6大战略定位里，服务业那条是怎么定的？')).toEqual(['6大']);
    expect(figures('那4号线呢？')).toEqual(['4号线']);
  });

  it('reads a quoted name of numbers and signs as one name, said exactly', () => {
    const q = readQuestion('太原那个“1+7+4”是啥，2025年说要怎么弄？', CITIES);
    expect(q.concepts.find((c) => c.label === '1+7+4')).toMatchObject({ variants: ['1+7+4'] });
    expect(labels(q)).not.toContain('1+7');
    expect(labels(readQuestion('“6+N”产业体系是什么？', CITIES))).toContain('6+N');
  });

  it('reads "有没有说法" as asking whether the reports say anything, and a count before a noun as no kind of it', () => {
    const q = readQuestion('我在一个公益基金会做项目。太原2026年对公益慈善事业有没有说法？', CITIES);
    expect(q.concepts.find((c) => c.label === '说法')?.asksFor).toBe(true);
    expect(readQuestion('太原26年打算修多少条路啊，有没有具体名字', CITIES).concepts.find((c) => c.label === '名字')?.asksFor).toBe(true);
    // A share asked (多大比例) names the kind of answer, a percentage; the thing it is a share of is the topic.
    const share = readQuestion('太原的老小区改造，到2025年完成了多大比例？', CITIES).concepts;
    expect(share.find((c) => c.label === '比例')?.asksFor).toBe(true);
    expect(readQuestion('太原2025年接待了多少游客？', CITIES).concepts.find((c) => c.label === '游客')?.asksFor).toBeUndefined();
    // A count naming a list, of which another count is asked, is no figure an answer (one of its items) must repeat.
    expect(readQuestion('太原2025年十件民生实事里要新建多少个社会足球场？', CITIES).concepts.find((c) => c.label === '十件')).toMatchObject({ strict: false, asksFor: true });
    expect(readQuestion('太原2025年十件民生实事完成了吗？', CITIES).concepts.find((c) => c.label === '十件')?.strict).toBe(true);
    // How a told figure is compared (超过15%了吗) is no topic.
    const compared = readQuestion('太原2024年城乡低保标准提高幅度超过15%了吗？', CITIES);
    expect(labels(compared)).toContain('15%');
    expect(labels(compared)).not.toContain('超过');
    // 几段, 几批: the count asked, no thing the asked one must be said with.
    const sections = readQuestion('太原2024年新开了哪几段地铁？', CITIES);
    expect(labels(sections)).not.toContain('几段');
    expect(sections.concepts.find((c) => c.label === '地铁')?.onlyWith).toBeUndefined();
    expect(q.concepts.find((c) => c.label === '公益')?.onlyWith).toBeUndefined();
    // A kind word still makes another kind of thing: 二手挖掘机 is no 挖掘机.
    expect(readQuestion('二手挖掘机卖了多少台？', CITIES).concepts.find((c) => c.label === '挖掘机')?.onlyWith).toBe('二手');
  });

  it('maps a county to its prefecture city', () => {
    expect(readQuestion('平遥古城的游客多吗', CITIES).cities).toEqual(['晋中']);
    expect(readQuestion('清徐的醋产业', CITIES).cities).toEqual(['太原']);
  });

  it('notices places the reports do not cover; the province they belong to only locates a city, and alone has no report', () => {
    expect(readQuestion('上海的地铁有多长？', CITIES).otherPlaces).toEqual(['上海']);
    expect(readQuestion('山西省太原市的煤炭产量', CITIES)).toMatchObject({ cities: ['太原'], otherPlaces: [] });
    expect(readQuestion('山西省的煤炭产量', CITIES)).toMatchObject({ cities: [], otherPlaces: ['山西'] });
  });

  it('reads plan and review intent', () => {
    expect(readQuestion('2026年计划建设多少个托育点？', CITIES).intent).toBe('plan');
    expect(readQuestion('明年要修几条路', CITIES).intent).toBe('plan');
    expect(readQuestion('去年建成了多少个公园？', CITIES).intent).toBe('review');
    // "有多少了？": how far it has got, as "了多少" asks.
    expect(readQuestion('晋中现在一年GDP有多少了？', CITIES).intent).toBe('review');
    expect(readQuestion('晋中一年GDP有多少？', CITIES).intent).toBeUndefined();
    expect(readQuestion('源瀚蓝宝石二期项目建到哪一步了？', CITIES).intent).toBe('review');
    expect(readQuestion('迎泽大街改造弄得怎么样了？', CITIES).intent).toBe('review');
    expect(readQuestion('医院数量', CITIES).intent).toBeUndefined();
    expect(readQuestion('主要经济指标', CITIES).intent).toBeUndefined();
  });

  it('keeps a number with its unit as one key word, and notices "when" questions', () => {
    const q = readQuestion('地铁3号线什么时候开工？', CITIES);
    expect(labels(q)).toEqual(expect.arrayContaining(['3号线', '开工']));
    expect(labels(q)).not.toContain('3');
    expect(labels(q)).not.toContain('什么时候');
    expect(q.wantsTime).toBe(true);
  });

  it('keeps a year no report covers as a key word, and drops covered ones', () => {
    const covered = new Set([2024, 2025]);
    expect(labels(readQuestion('太原2035年的目标', CITIES, covered))).toContain('2035年');
    expect(labels(readQuestion('太原2025年的目标', CITIES, covered))).not.toContain('2025年');
  });

  it('recognizes comparison questions', () => {
    expect(readQuestion('这几年的就业人数怎么变化', CITIES).comparison).toBe(true);
    expect(readQuestion('就业人数是多少', CITIES).comparison).toBe(false);
  });

  it('normalizes full-width input and expands everyday words', () => {
    const q = readQuestion('停车难怎么解决？ＧＤＰ增长５％', CITIES);
    expect(q.text).toContain('GDP增长5%');
    expect(q.terms).toEqual(expect.arrayContaining(['车位', '5%', '生产总值']));
  });

  it('reads traditional characters, full-width digits, two-digit years and chat particles as the reports spell them', () => {
    expect(readQuestion('晉中2024年農村危房改造完成了幾戶', CITIES)).toMatchObject({ text: '晋中2024年农村危房改造完成了几户', cities: ['晋中'], years: [2024] });
    expect(readQuestion('太原２０２６年新建改造高标准农田多少万亩', CITIES).years).toEqual([2026]);
    expect(readQuestion('晋中25年要做优哪些老字号品牌呀', CITIES)).toMatchObject({ text: '晋中2025年要做优哪些老字号品牌', years: [2025] });
    expect(readQuestion('十年前的事', CITIES).years).toEqual([]);
    expect(readQuestion('太原二〇二五年GDP目标', CITIES).years).toEqual([2025]);
    expect(readQuestion('您好，我想了解一下太原2025年GDP目标是多少，谢谢！', CITIES).text).toBe('太原2025年GDP目标是多少');
  });

  it('reads 今年, 去年 and 明年 against today, also when no report covers that year (the answer then says so)', () => {
    expect(readQuestion('太原今年GDP目标', CITIES, new Set([2025, 2026])).years).toEqual([2026]);
    expect(readQuestion('太原明年GDP目标', CITIES, new Set([2025, 2026])).years).toEqual([2027]);
  });

  it('turns everyday phrases into report words that count toward coverage', () => {
    const q = readQuestion('去晋中能坐上不用人开的空中出租车吗？', CITIES);
    const flying = q.concepts.find((c) => c.label === '空中出租车')!;
    expect(flying.variants).toContain('空中的士');
    expect(q.concepts.find((c) => c.label === '不用人开')!.variants).toContain('无人驾驶');
    expect(labels(q)).not.toContain('出租车');
    expect(q.terms).toEqual(expect.arrayContaining(['空中', '的士']));
  });

  it('knows the unit a figure must carry, lists, results, plan periods and questions about the report itself', () => {
    expect(readQuestion('晋中2024年优良天数一共有多少天？', CITIES).askedUnit).toBe('天');
    expect(readQuestion('太原2025年一共接待了多少游客？', CITIES).askedUnit).toBe('人');
    expect(readQuestion('太原2025年要办哪些民生实事？', CITIES).wantsList).toBe(true);
    expect(readQuestion('2025年太原实际新认定了多少家高新技术企业？', CITIES).wantsResult).toBe(true);
    expect(readQuestion('2025年太原计划新认定多少家高新技术企业？', CITIES).wantsResult).toBe(false);
    // 计划, as 打算, says a plan is asked (the intent), no topic a sentence must repeat.
    const planned = readQuestion('晋中2025年庄稼地里计划收多少斤粮？', CITIES);
    expect(planned.intent).toBe('plan');
    expect(labels(planned)).not.toContain('计划');
    // A year's whole (全年) is its result, unless a plan is asked of it.
    expect(readQuestion('太原2024年全年GDP增长率是多少？', CITIES)).toMatchObject({ intent: 'review', wantsResult: true });
    expect(readQuestion('太原2024年全年要转化多少项科技成果？', CITIES).wantsResult).toBe(false);
    expect(readQuestion('太原“十四五”期间建了多少公里农村路？', CITIES).period).toBe('十四五');
    expect(readQuestion('晋中市2025年的政府工作报告是谁作的？', CITIES).aboutReport).toBe('speaker');
    expect(readQuestion('太原2024年的政府工作报告是在第几次会议上作的？', CITIES).aboutReport).toBe('meeting');
    expect(readQuestion('政府工作报告提出了哪些目标？', CITIES).aboutReport).toBeUndefined();
  });
  it('reads 几 after 这, 那, 好 or 十 as "a few", not as asking how many', () => {
    for (const text of ['太原火车站、汽车站这几个地方要改造吗？', '晋中那几个景区要创5A吗？', '太原好几年没修的路修了吗？']) {
      const question = readQuestion(text, ['太原', '晋中']);
      expect(question.asksAmount, text).toBe(false);
      expect(question.askedUnit, text).toBeUndefined();
    }
    expect(readQuestion('太原有几个国家级景区？', ['太原'])).toMatchObject({ asksAmount: true, askedUnit: '个' });
  });

  it('reads a request to write something (帮我写一首诗, 写一篇…的文章) apart from a question about what was written', () => {
    for (const text of ['帮我写一首关于汾河的诗', '给我编个段子', '写一篇关于晋中文旅的文章']) expect(readQuestion(text, CITIES).asksToWrite, text).toBe(true);
    for (const text of ['太原2025年报告里有没有引用诗句？', '晋中2025年要举办哪些诗歌节？']) expect(readQuestion(text, CITIES).asksToWrite, text).toBeUndefined();
  });

  it('reads 有多大, 多快 as asking an amount, and 多大的 before a noun as asking a manner', () => {
    expect(readQuestion('晋中一年的经济盘子有多大？2024年', CITIES).asksAmount).toBe(true);
    expect(readQuestion('太原2025年GDP增速有多快？', CITIES).asksAmount).toBe(true);
    expect(readQuestion('太原想把旅游集散做到多大的辐射范围？', CITIES).asksAmount).toBe(false);
  });

  it('reads a described thing as its report term standing for the words that describe it, and drops pointing and yes-or-no words', () => {
    const question = readQuestion('晋中那座用电低谷时抽水、高峰时放水发电的电站批了没有？', ['太原', '晋中']);
    const labels = question.concepts.map((c) => c.label);
    expect(labels).toContain('抽水蓄能');
    expect(labels).not.toEqual(expect.arrayContaining(['低谷']));
    expect(labels.filter((l) => ['抽水', '高峰', '发电', '放水', '那座'].includes(l))).toEqual([]);
    expect(question.concepts.find((c) => c.label === '抽水蓄能')).toMatchObject({ variants: ['抽水蓄能'], sides: 3 });
    expect(question.terms).toContain('蓄能');
    expect(readQuestion('太原的公园多不多？', ['太原']).concepts.map((c) => c.label)).toEqual(['公园']);
  });

  it('drops the words that bring in an example (比如, 例如), and reads "咋…的" as asking the manner, as "怎么…的"', () => {
    expect(labels(readQuestion('太原对本地高校有什么支持，比如太原学院？', CITIES))).not.toContain('比如');
    expect(labels(readQuestion('晋中对高校有哪些支持，例如晋中学院？', CITIES))).not.toContain('例如');
    const manner = readQuestion('太原2026年给娄烦咋定位的？', CITIES);
    expect(manner.concepts.find((c) => c.label === '定位')?.asksFor).toBe(true);
  });
});


describe('asking for one item of a list', () => {
  it('reads 第N件/个/项 as an ordinal, not as a figure or a topic, and leaves ranks alone', () => {
    const fifth = readQuestion('太原第5个民生实事是什么？', CITIES);
    expect(fifth.ordinal).toBe(5);
    expect(labels(fifth)).not.toContain('5个');
    expect(fifth.concepts.every((c) => !c.strict)).toBe(true);
    expect(readQuestion('第三件是什么？', CITIES)).toMatchObject({ ordinal: 3, concepts: [] });
    expect(readQuestion('第十二项呢', CITIES).ordinal).toBe(12);
    expect(readQuestion('太原在中国百强城市排第40名吗', CITIES).ordinal).toBeUndefined();
    expect(readQuestion('第一件是什么？', CITIES).ordinal).toBe(1);
    expect(readQuestion('晋中的第一个智算中心建成了吗？', CITIES).ordinal).toBeUndefined();
    expect(readQuestion('晋中是不是全省第一个成立营商环境局的？', CITIES).ordinal).toBeUndefined();
  });

  it('reads 排第五的那条 as the fifth item, and 排第几 as a rank asked', () => {
    const fifth = readQuestion('太原6条基本原则里排第五的那条是啥？', CITIES);
    expect(fifth.ordinal).toBe(5);
    expect(fifth.wantsFigure).toBe(false);
    expect(readQuestion('6大战略定位里排在第一位的是什么？', CITIES).ordinal).toBe(1);
    const rank = readQuestion('太原GDP在全省排第几？', CITIES);
    expect(rank.ordinal).toBeUndefined();
    expect(rank.wantsFigure).toBe(true);
  });

  it('takes 多长, 多大, 多远 as question words, not as topics', () => {
    expect(labels(readQuestion('太原滨河自行车道有多长？', CITIES))).not.toContain('多长');
  });
});

describe('words the reports never use', () => {
  const neighbours = (word: string) =>
    ({ 饭堂: [{ word: '食堂', similarity: 0.72 }], 奥运会: [{ word: '运动会', similarity: 0.62 }], 盐: [{ word: '盐湖', similarity: 0.8 }, { word: '矿产', similarity: 0.6 }] })[word] ?? [];

  it('gives such a word its near report words as related words, apart from the words that say it', () => {
    const q = readQuestion('太原农村要给老人建饭堂吗？', CITIES, new Set(), { neighbours });
    const rice = q.concepts.find((c) => c.label === '饭堂')!;
    expect(rice.variants).toEqual(['饭堂']);
    expect(rice.related).toEqual([{ word: '食堂', similarity: 0.72 }]);
    expect(q.terms).toContain('食堂');
  });

  it('gives no related words to a name, and to one character only those that contain it', () => {
    expect(readQuestion('晋中办过奥运会吗？', CITIES, new Set(), { neighbours }).concepts.find((c) => c.label === '奥运会')?.related).toBeUndefined();
    expect(readQuestion('晋中一年产多少盐？', CITIES, new Set(), { neighbours }).concepts.find((c) => c.label === '盐')?.related).toEqual([{ word: '盐湖', similarity: 0.8 }]);
  });

  it('reads a pair of common characters nobody knows as a word (jieba gluing 来开) as two characters', () => {
    const labels = (knows?: (word: string) => boolean) => readQuestion('太原请明星来开大型音乐会吗？', CITIES, new Set(), knows ? { knows } : {}).concepts.map((c) => c.label);
    expect(labels(() => false)).toContain('开');
    expect(labels(() => false)).not.toContain('来开');
    expect(labels((word) => word === '来开')).toContain('来开');
  });
});
