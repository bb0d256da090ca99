import { describe, expect, it } from 'vitest';
import { tellingClauses } from '../../src/search/clauses.js';
import { splitGluedCharacters } from '../../src/text/tokenize.js';

const told = (text: string, knows?: (word: string) => boolean) => tellingClauses(text, knows).map(([start, end]) => text.slice(start, end));

describe('telling clauses', () => {
  it('finds the asker\'s situation before the question', () => {
    expect(told('太原停车太难了，2025年要加多少停车位？')).toEqual(['太原停车太难了，']);
    expect(told('我家孩子明年上学。新建多少所学校？')).toEqual(['我家孩子明年上学。']);
    // 几 in a clause that exclaims, while another clause asks: "a few", and the clause tells.
    expect(told('从甲市开车去周边几个城市太费劲了，2025年有没有修快速路的打算？')).toEqual(['从甲市开车去周边几个城市太费劲了，']);
    expect(told('市里说要支持乙厂建几个基地，分别是干啥的？')).toEqual([]);
  });

  it('keeps a clause that names the thing asked about', () => {
    expect(told('晋中残疾孩子上学的学校，县里都有了吗？')).toEqual([]);
    expect(told('甲市老小区改造，2024年计划改多少个？')).toEqual([]);
    expect(told('学生体检那件实事，最后覆盖了多少所学校？')).toEqual([]);
    expect(told('出门开车一路红灯，有没有搞绿波的？')).toEqual(['出门开车一路红灯，']);
    expect(told('甲市城镇新增就业，目标定的多少？')).toEqual([]);
    expect(told('上下班路口红灯太多太堵了，有没有搞绿波？')).toEqual(['上下班路口红灯太多太堵了，']);
    expect(told('在厂里上班心里总有点打鼓，甲市出过安全事故吗？')).toEqual(['在厂里上班心里总有点打鼓，']);
    // A first person owning a place only says which place.
    expect(told('咱们广东的深圳市，2024年地区生产总值是多少？')).toEqual([]);
    expect(told('咱们在广东打工，2024年地区生产总值是多少？')).toEqual(['咱们在广东打工，']);
  });

  it('reads characters jieba glues into an unknown word by their own parts of speech', () => {
    expect(told('住了十年小两居，想换个大点的，2025年会不会多建点改善型的房子？')).toEqual(['住了十年小两居，', '想换个大点的，']);
  });

  it('reads a colloquial evaluation jieba takes for a name (太少 nr) as an adjective, so its clause tells', () => {
    expect(told('甲市能打篮球的场子太少了，2025年修了多少块？')).toEqual(['甲市能打篮球的场子太少了，']);
  });

  it('cuts a glued unknown word at the word the reports know that ends it (级托育: 级, 托育)', () => {
    const cut = splitGluedCharacters([{ word: '级托育', tag: 'x' }], (word) => word === '托育' || word === '级托');
    expect(cut.map((t) => t.word)).toEqual(['级', '托育']);
    expect(told('市级托育服务中心，2025年要建到哪一步？', (word) => word === '托育')).toEqual([]);
  });

  it('keeps a clause that ends with the thing it describes', () => {
    expect(told('甲市开往欧洲的拉货火车，新开了几条线？')).toEqual([]);
    expect(told('甲市的孩子初中毕业不想念高中，县里都有职业学校吗？')).toEqual(['甲市的孩子初中毕业不想念高中，']);
    // A vague head (地方) names nothing: the clause says what the asker wants.
    expect(told('甲市夏天想找个水边遛弯的地方，2025年要打造哪些公共空间？')).toEqual(['甲市夏天想找个水边遛弯的地方，']);
  });

  it('tells nothing apart when no clause asks', () => {
    expect(told('介绍太原的文旅，谢谢')).toEqual([]);
    expect(told('太原停车太难了。')).toEqual([]);
  });
});
