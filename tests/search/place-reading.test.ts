import { describe, expect, it } from 'vitest';
import { englishPlaces } from '../../src/search/english-places.js';
import { createPlaceReader } from '../../src/search/place-reading.js';

const levels = createPlaceReader([
  { name: '全国', level: 'national' },
  { name: '山西', level: 'province' },
  { name: '晋城', level: 'city' },
]);
const citiesOnly = createPlaceReader([
  { name: '甲', level: 'city' },
  { name: '晋中', level: 'city' },
]);

describe('places read against the reports’ places and levels', () => {
  it('reads the country from 全国, 国家, 中国, 我国, 国务院 and 中央 where a question puts its place', () => {
    for (const q of ['全国2025年GDP增长目标', '国家2025年打算让GDP涨多少', '2025年中国经济增长目标', '我国今年财政赤字率', '国务院2025年要办哪些事', '今年中央财政赤字率定的多少']) {
      expect(levels(q)).toMatchObject({ cities: ['全国'], otherPlaces: [] });
    }
    // A clause of a message opening with it, also after 咱们: the country is the one asked.
    for (const q of ['送外卖的摔伤了没人管，国家有没有说给这些人兜个底', '咱们国家以后是不是要晚几年才能退休']) expect(levels(q).cities).toEqual(['全国']);
    expect(levels('国家2025年GDP目标').placeWords).toEqual(['国家']);
    expect(levels('那全国呢？').cities).toEqual(['全国']);
  });

  it('reads what people call a city (江城) as the city, where its report is here', () => {
    const withWuhan = createPlaceReader([{ name: '武汉', level: 'city' }, { name: '晋中', level: 'city' }]);
    expect(withWuhan('江城今年会不会多建老年食堂？')).toMatchObject({ cities: ['武汉'], placeWords: ['江城'] });
    expect(citiesOnly('江城今年会不会多建老年食堂？').cities).toEqual([]);
    // A region's short name too, and the name itself is no nickname said.
    const withRegion = createPlaceReader([{ name: '内蒙古', level: 'province' }, { name: '晋中', level: 'city' }]);
    expect(withRegion('内蒙25年村里的路打算修多少公里').cities).toEqual(['内蒙古']);
    expect(withRegion('内蒙古2025年粮食产量目标').placeWords).toEqual(['内蒙古']);
    // A province by its short name and 省; 晋 of 晋中 is no province.
    const withProvinces = createPlaceReader([{ name: '河南', level: 'province' }, { name: '山西', level: 'province' }, { name: '晋中', level: 'city' }]);
    expect(withProvinces('豫省县医院有多少家够上三甲水平了？')).toMatchObject({ cities: ['河南'], placeWords: ['豫省'] });
    expect(withProvinces('晋中2025年新建多少公园？').cities).toEqual(['晋中']);
    // With no report of the province, it is a place no report covers, not every report's question.
    expect(createPlaceReader([{ name: '太原', level: 'city' }, { name: '晋中', level: 'city' }])('豫省县医院有多少家够上三甲水平了？')).toMatchObject({ cities: [], otherPlaces: ['河南'] });
  });

  it('reads a city of a province whose report is here (遵义 of 贵州) as asked of that report, to be named by the answer', () => {
    const withGuizhou = createPlaceReader([{ name: '贵州', level: 'province' }, { name: '晋中', level: 'city' }]);
    expect(withGuizhou('遵义2026年GDP目标是增长多少？')).toMatchObject({ cities: ['贵州'], subPlaces: ['遵义'] });
  });

  it('reads a covered province as asked, not located, by a city named in it that lies elsewhere (北京 of 北京大医院的分院)', () => {
    const withRegion = createPlaceReader([{ name: '内蒙古', level: 'province' }, { name: '晋中', level: 'city' }]);
    expect(withRegion('听说内蒙古这边要建北京大医院的分院，今年都有哪几家？')).toMatchObject({ cities: ['内蒙古'], otherPlaces: [], placeWords: ['内蒙古'] });
    // A city of the province is still located by it.
    expect(withRegion('内蒙古包头2025年新建多少公里公路？').cities).toEqual(['内蒙古']);
  });

  it('reads 自治区 as the provincial report\'s place, as 全省', () => {
    const withRegion = createPlaceReader([{ name: '内蒙古', level: 'province' }, { name: '晋中', level: 'city' }]);
    expect(withRegion('自治区2025年GDP增长目标是多少？').cities).toEqual(['内蒙古']);
  });

  it('does not read the country from a word that qualifies a thing', () => {
    for (const q of ['国家级高新区有几个', '中国式现代化怎么推进', '空气质量在全国排第几', '争取了多少中央预算内投资']) expect(levels(q)).toMatchObject({ cities: [], otherPlaces: [] });
  });

  it('reads a province by its name or as 全省, and a city before the province that locates it', () => {
    expect(levels('山西省2025年新建高标准农田多少亩').cities).toEqual(['山西']);
    expect(levels('全省2025年新增城镇就业目标').cities).toEqual(['山西']);
    // The province as its people say it: 咱们省, 我省, 省里.
    for (const q of ['咱们省老小区的电梯今年给不给换', '我省今年粮食产量目标', '省里今年有什么打算']) expect(levels(q).cities).toEqual(['山西']);
    expect(citiesOnly('咱们省今年有什么打算')).toMatchObject({ cities: [], otherPlaces: ['全省'] });
    const located = levels('山西省晋城市2025年新建社区食堂多少个');
    expect(located.cities).toEqual(['晋城']);
    expect(located.did).toContain('山西 only locates it');
    expect(levels('晋城在全国排第几').cities).toEqual(['晋城']);
  });

  it('names a place of any level no report is about: a city, one of its counties, the country or a province', () => {
    expect(levels('郑州2025年GDP增长目标')).toMatchObject({ cities: [], otherPlaces: ['郑州'] });
    expect(levels('河南洛阳2025年GDP增长目标')).toMatchObject({ cities: [], otherPlaces: ['洛阳'] });
    expect(citiesOnly('国家2025年GDP增长目标')).toMatchObject({ cities: [], otherPlaces: ['全国'] });
    expect(citiesOnly('山西省2025年GDP增长目标')).toMatchObject({ cities: [], otherPlaces: ['山西'] });
  });

  it('asks a city of a province whose report is here of that report, the city still a topic', () => {
    for (const q of ['大同2025年新建了几个公园', '山西长治2025年新建了几个公园']) {
      const read = levels(q);
      expect(read).toMatchObject({ cities: ['山西'], otherPlaces: [] });
      expect(read.placeWords.some((w) => /大同|长治/.test(w))).toBe(false);
    }
  });

  it('reads places said one before the other as the last located by the others (陕西安康汉滨), not one across two (西安)', () => {
    const district = createPlaceReader([{ name: '汉滨', level: 'county' }]);
    const read = district('陕西安康汉滨2024年新增企业多少户');
    expect(read).toMatchObject({ cities: ['汉滨'], otherPlaces: [] });
    expect(read.placeWords).toEqual(expect.arrayContaining(['汉滨', '安康', '陕西']));
    expect(read.did).not.toContain('西安');
    // A province said elsewhere in the question is a topic, not where the place is.
    expect(levels('晋城跟河南连着的那条路修了吗').placeWords).not.toContain('河南');
  });

  it('does not read a place that only begins an institution’s name', () => {
    expect(citiesOnly('山西医科大学附属二院的南院开诊了没有？')).toMatchObject({ cities: [], otherPlaces: [] });
    expect(citiesOnly('山西2025年GDP增长目标，山西大学扩招吗')).toMatchObject({ otherPlaces: ['山西'] });
    expect(citiesOnly('中国长城博物馆建好了吗？')).toMatchObject({ cities: [], otherPlaces: [] });
    expect(citiesOnly('中国2025年GDP增长目标')).toMatchObject({ otherPlaces: ['全国'] });
    // Not across a time or a preposition: 中小学 is what the country does something for.
    expect(citiesOnly('想问问国家今年对中小学放春秋假是个什么说法？')).toMatchObject({ otherPlaces: ['全国'] });
  });

  it('keeps a city corpus as it was: counties for their city, enclosing regions only locate', () => {
    expect(citiesOnly('平遥古城游客多少')).toMatchObject({ cities: ['晋中'], otherPlaces: [] });
    // The county stays a word an answer must say (支持平遥打造…); only the city is scope.
    expect(citiesOnly('晋中2026年对平遥的定位').placeWords).toEqual(['晋中']);
    expect(citiesOnly('甲市和广州的地铁')).toMatchObject({ cities: ['甲'], otherPlaces: ['广州'] });
    expect(citiesOnly('山西晋中2025年GDP')).toMatchObject({ cities: ['晋中'], otherPlaces: [] });
    expect(citiesOnly('晋中入选国家儿童友好城市了吗').cities).toEqual(['晋中']);
  });

  it('says, for a question naming no place, that every report is read when they are of several levels', () => {
    expect(levels('2025年新建社区食堂多少个').did).toBe('no place named: every report (全国、山西、晋城)');
    expect(citiesOnly('2025年新建社区食堂多少个').did).toBe('no city');
  });
});

describe('place names in English', () => {
  it('spells provinces and cities in pinyin (Shaanxi as officially spelt) and reads China, national and the country as 全国', () => {
    const { names, scoping } = englishPlaces(['晋中', '全国'], (name) => ({ 晋中: 'jinzhong', 山西: 'shanxi', 陕西: 'shanxi', 平遥: 'pingyao' })[name] ?? name);
    expect(names.get('shanxi')).toBe('山西');
    expect(names.get('shaanxi')).toBe('陕西');
    expect(names.get('jinzhong')).toBe('晋中');
    expect(names.get('pingyao')).toBe('平遥');
    for (const word of ['china', 'national', 'country']) expect(names.get(word)).toBe('全国');
    expect(scoping).toEqual(expect.arrayContaining(['晋中', '山西', '全国']));
    expect(scoping).not.toContain('平遥');
  });

  it('spells a place of two words (Inner Mongolia) as one', () => {
    expect(englishPlaces(['内蒙古'], (name) => name).names.get('innermongolia')).toBe('内蒙古');
  });
});
