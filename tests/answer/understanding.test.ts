import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnswerer, type Answerer } from '../../src/answer/answerer.js';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createSearcher } from '../../src/search/searcher.js';
import type { Store } from '../../src/store/types.js';
import { lexicalAnswerer } from '../support/lexical-context.js';

// Questions written for these tests, not taken from the evaluation sets.
let answerer: Answerer;
let store: Store;
let config: Config;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ answerer, store, config, cleanup } = await lexicalAnswerer());
});
afterAll(() => cleanup());

/** Asks each question and expects it not found, naming the one that is answered. */
async function expectRefused(questions: string[]): Promise<void> {
  for (const question of questions) expect((await answerer.answer(question)).found, question).toBe(false);
}

describe('honest answers', () => {
  it('never answers a question about the result with a target, and says when only the target is printed', async () => {
    const answer = await answerer.answer('2024年太原地区生产总值实际增长了多少？');
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^报告只给出了目标/);
    expect(answer.citations[0]).toMatchObject({ docId: 'TY2024' });
    expect(answer.citations[0].quote).toContain('地区生产总值增长5%左右');
    expect(answer.answer).not.toContain('3.8%');
  });

  it('reads a year from the reports, not the calendar: "增长多少" is answered by the plan, "增长了多少" asks the result', async () => {
    const later = createAnswerer({ store, searcher: createSearcher({ store, embedder: null }), settings: config.answer, now: () => new Date('2027-06-01') });
    for (const asking of [answerer, later]) {
      const planned = await asking.answer('太原2024年GDP增长多少？');
      expect(planned.found).toBe(true);
      expect(planned.answer).toContain('地区生产总值增长5%左右');
      const result = await asking.answer('晋中2025年地区生产总值增长了多少？');
      expect(result.found).toBe(false);
      expect(result.reason).toBe('TARGET_ONLY');
    }
  });

  it("does not answer a measure of one thing with the same measure of another (森林覆盖率 is not 生活垃圾…覆盖率)", async () => {
    await expectRefused(['晋中2024年森林覆盖率是多少？', '晋中2024年旅游收入是多少？', '旅游收入是多少？']);
    expect((await answerer.answer('晋中卫生厕所普及率是多少？')).answer).toContain('卫生厕所普及率达 82%');
  });

  it('keeps numbers, units and years in agreement with the question', async () => {
    expect((await answerer.answer('太原地铁2号线什么时候开通？')).found).toBe(false);
    const days = await answerer.answer('太原2025年全年优良天数有多少天？');
    expect(days.found).toBe(true);
    expect(days.answer).toContain('282天');
    expect((await answerer.answer('太原2024年优良天数有多少天？')).found).toBe(false);
    expect((await answerer.answer('太原的房价每平方米多少钱？')).found).toBe(false);
    expect((await answerer.answer('晋中的幼儿园学费多少？')).found).toBe(false);
    await expectRefused(['太原第三实验室什么时候建成？', '太原机场四期什么时候开工？']);
    expect((await answerer.answer('太原第一实验室二期完工了吗？')).answer).toContain('第一实验室二期主体工程基本完工');
  });

  it('answers a question naming two cities in one labelled part per city, each with its citation', async () => {
    // An indicator of the figures table: answered from it, one labelled figure per city.
    const answer = await answerer.answer('太原和晋中2025年GDP增长目标分别是多少？');
    expect(answer.parts).toEqual([
      { label: '太原 2025年（目标）', citation: 0 },
      { label: '晋中 2025年（目标）', citation: 1 },
    ]);
    expect(answer.citations.map((c) => c.docId)).toEqual(['TY2025', 'JZ2025']);
    expect(answer.series?.points.map((p) => p.value)).toEqual(['5%左右', '5%以上']);
  });

  it('answers each part of a message in its own time: 现在 takes no year of another part', async () => {
    const answer = await answerer.answer('晋中现在规上工业企业一共有多少户？还有，2025年粮食总产量目标定的多少？');
    expect(answer.parts?.map((p) => p.label)).toEqual(['晋中现在规上工业企业一共有多少户', '2025年粮食总产量目标定的多少']);
    expect(answer.answer).toContain('规上工业企业总数1164户');
    expect(answer.answer).not.toContain('新增规上工业企业67户');
    const counted = await answerer.answer('想问两件事：一是晋中现在规上工业企业一共有多少户；二是2025年粮食总产量目标定的多少？');
    expect(counted.parts?.map((p) => p.label)).toEqual(['晋中现在规上工业企业一共有多少户', '2025年粮食总产量目标定的多少']);
  });

  it('answers once about what links two cities, instead of once per city', async () => {
    const answer = await answerer.answer('太原晋中一体化进展怎么样？');
    expect(answer.parts).toBeUndefined();
    expect(answer.answer).toContain('太原晋中一体化');
  });

  it('compares two cities each over its years, and fills a city clause with the other clause\'s topic', async () => {
    const compared = await answerer.answer('比较一下太原和晋中的粮食产量');
    expect(compared.parts?.map((p) => p.label)).toEqual(expect.arrayContaining(['晋中 2024年（实际）', '晋中 2025年（目标）']));
    expect(compared.parts?.some((p) => p.label.startsWith('太原'))).toBe(true);
    const both = await answerer.answer('太原晋中两市的人均可支配收入增长目标');
    expect(both.answer).toMatch(/^太原：.*人均可支配收入.*\n晋中：.*人均可支配收入/s);
  });

  it('labels targets as targets in a comparison and leaves out five-year totals', async () => {
    const jobs = await answerer.answer('太原2026年城镇新增就业目标和2025年比有变化吗？');
    expect(jobs.parts?.map((p) => p.label)).toEqual(['2025年（目标）', '2026年（目标）']);
    expect(jobs.answer).not.toContain('44万人');
    const growth = await answerer.answer('太原这几年地区生产总值增长目标怎么变化？');
    expect(growth.parts?.map((p) => p.label)).toEqual(['2024年（目标）', '2025年（目标）', '2026年（目标）']);
    expect(growth.series?.points.map((p) => p.value)).toEqual(['5%左右', '5%左右', '5%']);
    expect(growth.answer).not.toContain('3.8%');
  });

  it('quotes the enumeration itself for "有哪些" questions', async () => {
    const answer = await answerer.answer('太原2025年要办哪些民生实事？');
    expect(answer.answer).toMatch(/^办好十件民生实事。一是以学校、医院、商圈为重点.*二是.*九是/s);
  });

  it('answers questions about the report itself from its credits, verbatim', async () => {
    const speaker = await answerer.answer('晋中市2025年的政府工作报告是谁作的？');
    expect(speaker).toMatchObject({ found: true, answer: '晋中市人民政府市长 刘 星' });
    expect(speaker.citations[0]).toMatchObject({ docId: 'JZ2025', section: '报告署名' });
    const meeting = await answerer.answer('晋中的政府工作报告是在哪次会议上作的？');
    expect(meeting.answer).toContain('晋中市第五届人民代表大会第五次会议上');
    expect((await answerer.answer('太原2024年的政府工作报告是在市十五届人大第几次会议上作的？')).found).toBe(false);
  });

  it('answers "增长了多少" only with a rate, not with an amount', async () => {
    expect((await answerer.answer('太原2023年地区生产总值增长了多少？')).answer).toContain('地区生产总值增长3.8%');
    expect((await answerer.answer('晋中2024年GDP实际增长多少？')).found).toBe(false);
  });

  it('does not take a sentence for an answer because the sentences around it say the topic', async () => {
    await expectRefused(['晋中有多少个5A级景区？', '太原2025年新建了多少所医院？', '晋中2024年接待游客多少人次？']);
    expect((await answerer.answer('太原2024年新增了多少个国家级绿色工厂？')).answer).toContain('国家级绿色工厂5户');
  });

  it('does not answer one indicator with another: 工业投资 is not 固定资产投资, 规上工业企业 is not 规上工业增加值', async () => {
    expect((await answerer.answer('晋中2024年规上工业增加值增长多少？')).found).toBe(false);
    const answer = await answerer.answer('太原2024年实际完成固定资产投资增长多少？');
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^报告只给出了目标.*固定资产投资增长10%左右/s);
    expect(answer.answer).not.toContain('工业投资');
  });

  it('answers "第N件" with that item of the list and no other, also as a follow-up', async () => {
    const fifth = await answerer.answer('太原2025年第5个民生实事是什么？');
    expect(fifth.answer).toMatch(/^五是高度关注青少年心理健康问题/);
    const list = await answerer.answerTurn('太原2025年要办哪些民生实事？');
    const third = await answerer.answerTurn('第三件是什么？', list.turn!);
    expect(third.answer).toMatchObject({ found: true, understood: { contextUsed: true } });
    expect(third.answer.answer).toMatch(/^三是完成主城区700个核心路口精细化配时管理/);
    const twelfth = await answerer.answerTurn('第十二件呢？', list.turn!);
    expect(twelfth.answer.found).toBe(false);
    expect(twelfth.answer.answer).toContain('这份清单没有第12项（共10项）');
  });

  it('takes the Nth item of a counted list without numbers by its position', async () => {
    const list = await answerer.answerTurn('太原有哪些潜力产业？');
    const second = await answerer.answerTurn('第二个是什么？', list.turn!);
    expect(second.answer.answer).toMatch(/^低空经济产业/);
    const fourth = await answerer.answerTurn('第四个呢？', list.turn!);
    expect(fourth.answer.answer).toMatch(/^这份清单没有第4项（共3项）/);
  });

  it('offers at most three possibly related passages when nothing answers', async () => {
    const answer = await answerer.answer('太原2026年计划新增多少张养老床位？');
    expect(answer.found).toBe(false);
    expect(answer.citations.length).toBeLessThanOrEqual(3);
  });
});

describe('questions as people type them', () => {
  it('corrects a slip that is only a character pair of the reports (进中 of 推进中小企业), and never to a pair that is no word', async () => {
    expect((await answerer.answer('进中的规上工业企业新增了多少户？')).understood.cities).toEqual(['晋中']);
    const stations = await answerer.answer('晋中新建了多少个5G基站？');
    expect(stations.understood.question).toContain('基站');
    expect(stations.found).toBe(false);
  });

  it('reads slips, traditional characters and chat particles', async () => {
    const answer = await answerer.answer('太源2023年城鎮新增就業多少人呀');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('8.58万人');
    expect(answer.understood).toMatchObject({ cities: ['太原'], years: [2023] });
  });

  it('answers everyday wording through the lexicon', async () => {
    const answer = await answerer.answer('太原给老人吃饭的地方会多起来吗？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('老年食堂');
  });

  it('answers a thing described instead of named with the report term for it, in the city that has it', async () => {
    expect((await answerer.answer('晋中给八十多岁的老人发补贴吗？')).answer).toContain('80岁以上老年人发放高龄津贴');
    expect((await answerer.answer('太原给八十多岁的老人发补贴吗？')).found).toBe(false);
    expect((await answerer.answer('太原有没有把边角地修成小公园的？')).answer).toContain('93处口袋公园');
    expect((await answerer.answer('晋中有没有把边角地修成小公园的？')).answer).toContain('碎片空间');
  });

  it('reaches report words for everyday words the lexicon lacks through the word vectors, and only through them', async () => {
    const question = '晋中的老字号商标有哪些？';
    const answer = await answerer.answer(question);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('广誉远等老字号品牌');
    const withoutVectors = createAnswerer({ store, searcher: createSearcher({ store, embedder: null }), settings: config.answer });
    expect((await withoutVectors.answer(question)).found).toBe(false);
  });

  it('reads a question the same whether or not one before it loaded the word vectors (a phrase the reports never use, 大医院, loads them)', async () => {
    const question = '太原的大医院建了几家？';
    const readingIn = async (app: Awaited<ReturnType<typeof createApp>>) => (await app.answerer.answer(question, { explain: true })).explain?.reading;
    const fresh = await createApp(config);
    const warmed = await createApp(config);
    try {
      await warmed.answerer.answer('晋中的老字号商标有哪些？');
      expect(await readingIn(fresh)).toEqual(await readingIn(warmed));
    } finally {
      await fresh.close();
      await warmed.close();
    }
  });

  it('answers without the word vectors, saying why once, when their file is damaged', async () => {
    const broken = path.join(path.dirname(config.indexDir), `broken-${process.pid}.vector`);
    await writeFile(broken, 'not vectors\n');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const app = await createApp({ ...config, answer: { ...config.answer, wordVectors: broken } });
      expect((await app.answerer.answer('晋中卫生厕所普及率是多少？')).answer).toContain('82%');
      expect((await app.answerer.answer('晋中的老字号商标有哪些？')).found).toBe(false);
      expect(stderr.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('Word vectors unavailable'))).toHaveLength(1);
      await app.close();
    } finally {
      stderr.mockRestore();
      await rm(broken, { force: true });
    }
  });

  it('finds a county the question names with its 县 or 市, which the reports leave off', async () => {
    const answer = await answerer.answer('左权县入选了什么？');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('左权入选');
  });

  it('reads 哪几件 as a list, a count written in words as a count that must agree (十件), and a share as a percentage', async () => {
    const list = await answerer.answer('太原2026年要办哪几件民生实事？');
    // The report counts them and lists none: the count, and not the stray sentence after it.
    expect(list.answer).toBe('办好十件民生实事,更好推进“民生一本账、一年一张单”。');
    expect((await answerer.answer('太原2024年的十件民生实事有哪些？')).found).toBe(false);
    const share = await answerer.answer('晋中新建建筑里绿色建筑占比是多少？');
    expect(share.answer).toContain('城镇绿色建筑占新建建筑比例达100%');
  });

  it('answers a message whose second question points back at what it told as one question, not as two', async () => {
    const answer = await answerer.answer('听说太原2023年新建了一批中小学校。报告提到这事没有？具体建了多少所？');
    expect(answer.found).toBe(true);
    expect(answer.parts).toBeUndefined();
    expect(answer.citations[0].quote).toContain('新建中小学校23所');
  });

  it('answers a second question that names its own thing before pointing at it (…成立一个人才集团，这事…) as a part of its own', async () => {
    const answer = await answerer.answer('太原2025年计划新增多少技能人才？另外听同学说市里要成立一个人才集团，这事报告里是怎么写的？');
    expect(answer.parts?.length).toBe(2);
    expect(answer.citations.map((c) => c.quote).join('')).toContain('人才集团');
  });

  it('says which years the reports of a city cover when the asked year is not among them', async () => {
    const answer = await answerer.answer('晋中2026年GDP增长目标是多少？');
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^现有晋中报告讲的是2024年、2025年，没有讲2026年的。/);
  });

  it('reads a name jieba splits into single characters as the reports write it, and wants an amount when asked how many', async () => {
    const named = await answerer.answer('太原要建无废城市吗？');
    expect(named.answer).toContain('“无废城市”建设');
    expect((await answerer.answer('太原要建多少个无废城市？')).found).toBe(false);
  });

  it('quotes the sentence that counts a list the report does not print, and not the sentences after it', async () => {
    const answer = await answerer.answer('晋中15件民生实事是哪些？');
    expect(answer.answer).toBe('全市财政支出八成以上用于民生，15件民生实事全部兑现。');
  });

  it('does not take a near word for the thing asked about', async () => {
    await expectRefused(['晋中办过奥运会吗？', '太原下周天气怎么样？', '太原有多少座展览馆？']);
  });

  it('does not answer a thing of another kind: 二手挖掘机 is not 挖掘机, 免费的停车场 not any parking, 老年大学 not any 大学', async () => {
    await expectRefused(['晋中有二手挖掘机卖吗？', '太原有没有免费的停车场？', '太原的老年大学多吗？']);
    expect((await answerer.answer('晋中有没有造挖掘机的项目？')).answer).toContain('太重液压挖掘机');
  });

  it('reads a word with a qualifier as that word, not as the everyday phrase inside it (核电站 is no 电站 of any kind), and a noun jieba takes for a place as a noun (海鲜)', async () => {
    await expectRefused(['晋中有没有建核电站？', '晋中的平均工资是多少？', '晋中有没有海鲜市场？']);
    expect((await answerer.answer('太原坐飞机能飞多少条航线？')).answer).toContain('执飞航线10条');
  });

  it('answers "who delivered the report" in English from the credits, and does not let a verb stand for the thing asked', async () => {
    expect((await answerer.answer('Who delivered the Jinzhong government work report?')).answer).toBe('晋中市人民政府市长 刘 星');
    expect((await answerer.answer('How many tourists visited Taiyuan in 2025?')).found).toBe(false);
    expect((await answerer.answer('What is the forest coverage of Jinzhong?')).found).toBe(false);
  });

  it('takes a report word the word vectors put near an English word\'s dictionary rendering as saying it (cultivate: 培养 ~ 培育)', async () => {
    const answer = await answerer.answer('How will Jinzhong cultivate new quality productive forces in 2025?');
    expect(answer.found).toBe(true);
    expect(answer.citations[0].quote).toContain('培育');
  });

  it('reads the English glossary in any word order', async () => {
    const answer = await answerer.answer("What is Taiyuan's target for urban new jobs in 2026?");
    expect(answer.answer).toContain('城镇新增就业人数8万人');
    expect(answer.citations[0].docId).toBe('TY2026');
  });

  it('counts an English word with no Chinese rendering as asked about, so the rest of the question alone is no answer', async () => {
    expect((await answerer.answer('How many giraffes did Jinzhong handle?')).found).toBe(false);
    const parcels = await answerer.answer('How many express parcels did Jinzhong handle?');
    expect(parcels.answer).toContain('快递业务量突破4.5亿件');
  });

  it("reads dictionary glosses with a possessive or a hyphen as the question writes them (people's livelihood)", async () => {
    const answer = await answerer.answer("What share of Taiyuan's spending goes to people's livelihoods?");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/7\d\.\d%的财政支出优先保障民生/);
  });

  it('reads metro lines and phases in English as the numbers an answer must carry', async () => {
    expect((await answerer.answer('When will Taiyuan metro line 2 open?')).found).toBe(false);
    const phase = await answerer.answer('When will Taiyuan metro line 1 phase 2 start construction?');
    expect(phase.answer).toContain('1号线二期');
  });

  it('reads pinyin names of the reports and counties in English, and asks the credits who the mayor is', async () => {
    expect((await answerer.answer('What did Taiyuan do for the Jinci spring?')).answer).toContain('晋祠泉');
    expect((await answerer.answer('Is Pingyao ancient city a 5A scenic spot?')).answer).toContain('平遥古城持续位居全国 5A级景区百强榜前 10位');
    for (const question of ['Who is the mayor of Jinzhong?', '晋中市长是谁？']) {
      expect((await answerer.answer(question)).answer, question).toBe('晋中市人民政府市长 刘 星');
    }
  });

  it('lets a general English word the reports say only in one character (old: 老) count little, and a thing they never name count fully', async () => {
    expect((await answerer.answer('How many old museums does Taiyuan have?')).found).toBe(true);
    expect((await answerer.answer('How many aquariums does Taiyuan have?')).found).toBe(false);
  });

  it('reads an English follow-up that only names a city or a year with the question before it', async () => {
    const first = await answerer.answerTurn('How many new jobs did Jinzhong create in 2024?');
    expect(first.answer.answer).toContain('3.2万人');
    const city = await answerer.answerTurn('And Taiyuan?', first.turn!);
    expect(city.answer).toMatchObject({ understood: { cities: ['太原'], years: [2024], contextUsed: true } });
    expect(city.answer.answer).toContain('8.9万人');
    const year = await answerer.answerTurn('What about 2023?', city.turn!);
    expect(year.answer.answer).toContain('8.58万人');
    expect((await answerer.answer('OK')).found).toBe(false);
  });

  it('names the English words it could not translate when nothing answers', async () => {
    const answer = await answerer.answer('Does Taiyuan have a Disneyland?');
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain('disneyland 在离线词典和报告用语中没有对应');
  });

  it('answers an English question offline with Chinese quotes', async () => {
    const answer = await answerer.answer('How many new urban jobs did Taiyuan add in 2023?');
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('城镇新增就业8.58万人');
  });

  it('asks what is meant when a question names no topic and has no conversation before it', async () => {
    for (const question of ['2025年打算再新增多少？', '晋中呢？', '好的']) {
      const answer = await answerer.answer(question);
      expect(answer.found, question).toBe(false);
      expect(answer.answer, question).toMatch(/^问题里没有说要问的是什么事项/);
    }
  });

  it('does not answer a follow-up with no topic of its own about something else when its context finds nothing', async () => {
    const first = await answerer.answerTurn('晋中2024年城镇新增就业多少人？');
    expect(first.answer.answer).toContain('3.2万人');
    const target = await answerer.answerTurn('目标是多少？', first.turn!);
    expect(target.answer).toMatchObject({ found: false, understood: { cities: ['晋中'], years: [2024], contextUsed: true } });
  });

  it('compares two years when a follow-up asks to compare with another year', async () => {
    const first = await answerer.answerTurn('太原2024年城镇新增就业多少？');
    const compared = await answerer.answerTurn('跟2023年比呢？', first.turn!);
    expect(compared.answer.understood).toMatchObject({ cities: ['太原'], years: [2023, 2024], contextUsed: true });
    expect(compared.answer.answer).toMatch(/^2023年（实际）：.*8\.58万人.*\n2024年（实际）：.*8\.9万人/s);
  });

  it('keeps the topic when a follow-up only asks how much it grew', async () => {
    const first = await answerer.answerTurn('晋中2024年固定资产投资是多少？');
    const growth = await answerer.answerTurn('涨了多少？', first.turn!);
    expect(growth.answer.understood).toMatchObject({ cities: ['晋中'], years: [2024], contextUsed: true });
    expect(growth.answer.understood.question).toContain('固定资产投资');
  });

  it('carries city, year and topic into a follow-up, and starts over without them', async () => {
    const first = await answerer.answerTurn('太原2023年新建了多少所中小学校？');
    expect(first.answer.answer).toContain('新建中小学校23所');
    const second = await answerer.answerTurn('幼儿园呢？', first.turn!);
    expect(second.answer.understood).toMatchObject({ cities: ['太原'], years: [2023], contextUsed: true });
    expect(second.answer.answer).toContain('新改扩建公办幼儿园20所');
    const alone = await answerer.answerTurn('晋中卫生厕所普及率是多少？', first.turn!);
    expect(alone.answer.answer).toContain('82%');
  });
});
