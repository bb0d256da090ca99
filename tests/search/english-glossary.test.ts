import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEnglishReader, glossary, type EnglishReading } from '../../src/search/english.js';
import { packageDataFile } from '../../src/package-data.js';

/** An English question read with CC-CEDICT against a report vocabulary of these words only. */
const readEnglish = (question: string, reportWords: string[]) =>
  createEnglishReader({ knows: (term) => reportWords.includes(term), glossary: () => [], places: new Map() })(question);
const variantsOf = (reading: EnglishReading | null, label: string) => reading?.concepts.find((c) => c.label === label)?.variants;

describe("CC-CEDICT's glossary for English questions", () => {
  it('holds every all-Chinese headword with its meanings, in the order of the package\'s data module', async () => {
    const { default: data } = (await import(pathToFileURL(packageDataFile('cc-cedict', 'data', 'all.js')!).href)) as {
      default: { all: Array<[string, string, string, string | string[]]> };
    };
    const expected = data.all
      .filter(([, simplified]) => /^[\u3400-\u9fff]+$/.test(simplified))
      .map(([, simplified, , meanings]) => `${simplified}\t${(Array.isArray(meanings) ? meanings : [meanings]).join('|')}`);
    const lines = glossary();
    expect(lines.length).toBeGreaterThan(100_000);
    expect(lines).toEqual(expected);
    expect(lines).toContain('公园\tpark (for public recreation)');
  });

  it("renders a word by every headword one of whose meanings is exactly it, also when another meaning only contains it (能源: 'energy sources; energy')", async () => {
    const reading = await readEnglish('How much clean energy?', ['能源', '活力', '清洁']);
    expect(variantsOf(reading, 'energy')).toEqual(expect.arrayContaining(['能源', '活力']));
  });

  it('renders a past form by its verb when the verb has an exact meaning and the past form none (arrived: 到达, not 后来 "newly arrived")', async () => {
    const reading = await readEnglish('How many trains arrived in the city?', ['到达', '抵达', '后来', '班列']);
    expect(variantsOf(reading, 'arrived')).toEqual(expect.arrayContaining(['到达']));
    expect(variantsOf(reading, 'arrived')).not.toContain('后来');
  });

  it('reads a count in words (three) as the digits or numeral a report writes (3, 三)', async () => {
    const reading = await readEnglish('Which three dimensions?', ['维度']);
    expect(variantsOf(reading, 'three')).toEqual(['3', '三']);
  });

  it("renders a noun of an action also by its verb's senses (construction: 施工, and construct: 建设)", async () => {
    const reading = await readEnglish('How much illegal construction?', ['施工', '建设', '违法']);
    expect(variantsOf(reading, 'construction')).toEqual(expect.arrayContaining(['施工', '建设']));
  });

  it('renders a plural no headword glosses exactly by its singular, and -ly and -al words by their stems', async () => {
    const reading = await readEnglish('How many rental homes were basically completed by enterprises?', ['企业', '龙头企业', '基本', '租赁', '完成']);
    expect(variantsOf(reading, 'enterprises')).toContain('企业');
    expect(variantsOf(reading, 'basically')).toContain('基本');
    expect(variantsOf(reading, 'rental')).toContain('租赁');
    // "How many units" counts; it asks about no unit.
    expect((await readEnglish('How many units of housing?', ['单位', '住房']))?.concepts.map((c) => c.label)).not.toContain('units');
  });

  it('marks the words the dictionary renders, not those the glossary gives, as renderings the word vectors may widen', async () => {
    const reader = createEnglishReader({ knows: (term) => ['培养', '未来产业'].includes(term), glossary: (phrase) => (phrase === 'future industries' ? ['未来产业'] : []), places: new Map() });
    const reading = await reader('Which future industries will it cultivate?');
    expect(reading?.concepts.find((c) => c.label === 'cultivate')?.fromDictionary).toBe(true);
    expect(reading?.concepts.find((c) => c.label === 'future industries')?.fromDictionary).toBeUndefined();
  });

  it('reads "targeting" as asking a target, as "target" is, and no topic', async () => {
    const reading = await readEnglish('What share of good days is it targeting for 2025?', ['指标', '目标']);
    expect(reading?.concepts.map((c) => c.label)).not.toContain('targeting');
    expect(reading?.chinese).toContain('目标');
  });

  it('reads policy verbs as verbs (cultivate, foster), and "e.g." as no word', async () => {
    const reading = await readEnglish('Which new growth points will it cultivate, e.g. in buildings?', ['培养', '建筑', '增长点']);
    expect(reading?.concepts.find((c) => c.label === 'cultivate')?.tag).toBe('v');
    expect(reading?.concepts.map((c) => c.label)).not.toContain('g');
  });

  it('reads "the 14th Five-Year Plan" as the period 十四五, neither a count of five nor a plan asked', async () => {
    const reading = await readEnglish('By the end of the 14th Five-Year Plan, how much clean energy?', ['能源', '清洁']);
    expect(reading?.chinese).toContain('十四五');
    expect(reading?.chinese).not.toContain('目标');
    expect(reading?.concepts.map((c) => c.label)).not.toEqual(expect.arrayContaining(['five']));
    // "During …" says when, as the period does: no topic.
    const during = await readEnglish('During the 14th Five-Year Plan, how much did life expectancy rise?', ['寿命', '中间']);
    expect(during?.concepts.map((c) => c.label)).not.toContain('during');
    // "…Plan period" is the same period: the word names no topic of its own.
    const period = await readEnglish('How many museums by the end of the 14th Five-Year Plan period?', ['博物馆', '时期']);
    expect(period?.chinese).toContain('十四五');
    expect(period?.concepts.map((c) => c.label)).not.toContain('period');
  });

  it('reads places joined by a hyphen (Beijing-Tianjin) as a region that qualifies a thing, not as a place asked about', async () => {
    const places = new Map([['beijing', '北京'], ['cangzhou', '沧州']]);
    const reading = await createEnglishReader({ knows: (term) => ['技术', '合同'].includes(term), glossary: () => [], places })('How fast did Cangzhou\'s intake of Beijing-Tianjin technology contracts grow?');
    expect(reading?.chinese).toContain('沧州');
    expect(reading?.chinese).not.toContain('北京');
  });

  it('keeps places joined by a hyphen that begin a glossary term (China-Europe freight trains), in the singular too', async () => {
    const places = new Map([['china', '全国'], ['linyi', '临沂']]);
    const glossary = (phrase: string) => (phrase === 'china europe freight trains' ? ['中欧班列'] : []);
    const read = createEnglishReader({ knows: (term) => term === '中欧班列', glossary, places });
    for (const question of ['How many China-Europe freight trains ran in Linyi?', 'How many China-Europe freight train runs did Linyi have?']) {
      const reading = await read(question);
      expect(reading?.concepts.find((c) => c.variants.includes('中欧班列'))).toBeDefined();
    }
  });

  it('reads R&D as the glossary\'s "r and d", and "want to" as a plan', async () => {
    const glossary = (phrase: string) => (phrase === 'r and d intensity' ? ['研发投入强度'] : []);
    const reading = await createEnglishReader({ knows: (term) => term === '研发投入强度', glossary, places: new Map() })('What R&D intensity did the city want to reach?');
    expect(reading?.concepts.map((c) => c.variants[0])).toContain('研发投入强度');
    expect(reading?.chinese).toContain('目标');
  });

  it('reads "how much money" as an amount of money (多少钱), not as money an answer must name', async () => {
    const reading = await readEnglish('How much money did the city spend on subsidies?', ['补贴', '资金']);
    expect(reading?.chinese).toContain('多少钱');
    expect(reading?.concepts.map((c) => c.label)).not.toContain('money');
  });

  it('reads a unit asked by name ("how many mu", "(in mu)") as an amount in the unit reports write (多少亩), not as a word an answer must say', async () => {
    for (const question of ['How many mu of farmland did the city build?', 'How much land (in mu) was planted?']) {
      const reading = await readEnglish(question, ['农田', '土地', '种植']);
      expect(reading?.chinese).toContain('多少亩');
      expect(reading?.concepts.map((c) => c.label)).not.toContain('mu');
    }
  });

  it('reads "how many (talented) people" as a count in 人 (多少人), not as people an answer must name', async () => {
    const reading = await readEnglish('How many talented people settled in the city?', ['人才', '落户', '人民']);
    expect(reading?.chinese).toContain('多少人');
    expect(reading?.concepts.map((c) => c.label)).not.toContain('people');
    expect(reading?.concepts.map((c) => c.label)).toContain('talented');
  });

  it('looks up companies and firms as the glossary\'s enterprises (foreign-funded companies: 外商投资企业)', async () => {
    const glossary = (phrase: string) => (phrase === 'foreign funded enterprises' ? ['外商投资企业'] : []);
    const reading = await createEnglishReader({ knows: (term) => term === '外商投资企业', glossary, places: new Map() })('How many foreign-funded companies were set up?');
    expect(reading?.concepts.map((c) => c.variants[0])).toContain('外商投资企业');
  });

  it('reads "what … growth target did it set" as a target asked in figures, and "set" as no topic ("set up" still is one)', async () => {
    const glossary = (phrase: string) => (phrase === 'gdp growth' ? ['地区生产总值增长'] : phrase === 'set up' ? ['设立'] : []);
    const read = createEnglishReader({ knows: () => true, glossary, places: new Map() });
    const target = await read('What GDP growth target did the city set for 2026?');
    expect(target?.concepts.map((c) => c.label)).toEqual(['gdp growth']);
    expect(target?.chinese).toMatch(/目标.*多少/);
    expect((await read('How many funds were set up?'))?.concepts.map((c) => c.label)).toContain('set up');
  });

  it('reads PM2.5 by the glossary\'s "pm2 5", not as pm2 and a number', async () => {
    const glossary = (phrase: string) => (phrase === 'pm2 5' ? ['pm2.5', '细颗粒物'] : []);
    const reading = await createEnglishReader({ knows: () => true, glossary, places: new Map() })("What's the PM2.5 target this year?");
    expect(reading?.concepts.map((c) => c.variants[0])).toEqual(['pm2.5']);
  });

  it('reads a place of two words (Inner Mongolia) as the place, not as words asked about', async () => {
    const places = new Map([['innermongolia', '内蒙古']]);
    const reading = await createEnglishReader({ knows: (term) => ['就业'].includes(term), glossary: (phrase) => (phrase === 'jobs' ? ['就业'] : []), places })("What's Inner Mongolia's target for jobs in 2025?");
    expect(reading?.chinese).toContain('内蒙古');
    expect(reading?.concepts.map((c) => c.label)).not.toEqual(expect.arrayContaining(['inner']));
  });

  it('reads a pinyin name with an apostrophe (Xi\'an) as one word', async () => {
    const places = new Map([['xian', '西安']]);
    const reading = await createEnglishReader({ knows: () => false, glossary: () => [], places })("What GDP growth target has Xi'an set for 2025?");
    expect(reading?.chinese).toContain('西安');
    expect(reading?.concepts.map((c) => c.label)).not.toContain('xi');
  });

  it('weighs a verb in its irregular past form (ran, built) as a verb, not as a thing asked about', async () => {
    const reading = await readEnglish('How many taxis ran in 2024 and how many parks were built?', ['出租车', '公园']);
    for (const verb of ['ran', 'built']) expect(reading?.concepts.find((c) => c.label === verb)?.tag).toBe('v');
  });

  it('reads "over the past five years" and "so far" as when, no topic', async () => {
    const reading = await readEnglish('How many companies were listed over the past five years, and how many so far?', ['上市', '公司']);
    for (const word of ['over', 'past', 'far']) expect(reading?.concepts.map((c) => c.label)).not.toContain(word);
  });

  it('keeps a name the reports never write (France) as a concept an answer must say', async () => {
    const reading = await readEnglish('What is the capital of France?', ['资本']);
    expect(reading?.concepts.find((c) => c.label === 'france')?.strict).toBe(true);
    expect(reading?.concepts.find((c) => c.label === 'capital')?.strict).toBe(false);
    const plain = await readEnglish('How are parcels handled?', ['处理']);
    expect(plain?.concepts.find((c) => c.label === 'parcels')?.strict).toBe(false);
  });

  it('puts 多少 before the thing "how many" counts (多少博物馆), and before the unit of a measure of it (多少公里), not before the thing measured', async () => {
    const museums = await readEnglish('How many museums does Taiyuan have now?', ['博物馆']);
    expect(museums?.chinese).toContain('多少博物馆');
    const trails = await readEnglish('How many kilometers of fitness trails will Taiyuan build?', ['健身', '步道', '公里']);
    expect(trails?.chinese).toContain('多少公里');
    expect(trails?.chinese).not.toMatch(/多少(?:健身|步道)/);
  });

  it('reads "the 2026 government work report" as the report delivered that year, and "in 2025" as a year', async () => {
    const named = await readEnglish("Which projects does Sichuan's 2026 government work report mention?", ['项目']);
    expect(named?.chinese).toContain('2026年报告');
    const year = await readEnglish('How many projects were completed in 2025?', ['项目']);
    expect(year?.chinese).toContain('2025年');
    expect(year?.chinese).not.toContain('报告');
  });

  it('reads "government work report" as the report, whose "work" is no topic, and a figure "set for" a year as a target', async () => {
    const reading = await readEnglish("According to China's 2025 government work report, what deficit ratio did the government set for 2025?", ['赤字', '劳动', '工作']);
    expect(reading?.concepts.map((c) => c.label)).not.toContain('work');
    expect(reading?.concepts.map((c) => c.label)).toContain('deficit');
    expect(reading?.chinese).toContain('目标');
    expect((await readEnglish('Which agency did the city set up in 2025?', ['机构']))?.chinese).not.toContain('目标');
  });

  it('reads "last year" as a year the question names, not a topic; an adverb weighs as an adverb and an irregular plural as its singular', async () => {
    const reading = await readEnglish('Last year, how many children were steadily helped?', ['去年', '儿童', '稳步']);
    expect(reading?.chinese).toContain('去年');
    expect(reading?.concepts.map((c) => c.label)).not.toContain('last year');
    expect(reading?.concepts.find((c) => c.label === 'steadily')?.tag).toBe('d');
    expect(variantsOf(reading, 'children')).toContain('儿童');
  });

  it('renders an abbreviation a meaning gives in brackets (artificial intelligence (AI): 人工智能)', async () => {
    const reading = await readEnglish('What about AI models?', ['人工智能', '模型']);
    expect(variantsOf(reading, 'ai')).toContain('人工智能');
  });

  it('reads "what kind of", "want" and "actually" as how the question is put, not as what it asks about', async () => {
    const reading = await readEnglish('What kind of leading zone does it actually want to be for future industries?', ['先导', '未来', '产业', '需要']);
    expect(reading?.concepts.map((c) => c.label).filter((l) => ['kind', 'want', 'actually'].includes(l))).toEqual([]);
  });

  it('reads "hoping to" and "expect to" as a plan, not as what the question asks about', async () => {
    for (const question of ['How many tourists is the city hoping to receive this year?', 'How many tourists does the city expect to receive this year?']) {
      const reading = await readEnglish(question, ['游客', '希望', '期待', '接待']);
      expect(reading?.chinese).toContain('目标');
      expect(reading?.concepts.map((c) => c.label).filter((l) => ['hoping', 'expect'].includes(l))).toEqual([]);
    }
  });
});
