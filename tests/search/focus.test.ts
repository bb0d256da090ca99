import { describe, expect, it } from 'vitest';
import { asksHowMuchCame, focusOf, pairedTopics, toldPlanThenProgress } from '../../src/search/focus.js';
import { tellingClauses } from '../../src/search/clauses.js';
import { focus, normalize, spelling, time } from '../../src/search/reading-steps.js';

const read = (text: string, year = 2026) => time(focus(spelling(normalize(text))), year);

describe('where a chat message asks', () => {
  it('takes the sentences that end with a question mark, apart from those that tell', () => {
    const message = '我家老人在几家医院之间来回跑，每家都要重新检查。听说甲市要推检查结果互认，今年能互认多少项？';
    const found = focusOf(message);
    expect(found.asked).toBe('听说甲市要推检查结果互认，今年能互认多少项？');
    expect(found.telling.map(([s, e]) => message.slice(s, e))).toEqual(['我家老人在几家医院之间来回跑，每家都要重新检查。']);
  });

  it('keeps each asking sentence of a message with two questions', () => {
    expect(focusOf('我想问两件事。甲市去年新建了多少所学校？今年打算修多少公里路？').questions).toEqual(['甲市去年新建了多少所学校？', '今年打算修多少公里路？']);
    // A lead-in before a colon tells, in the same sentence as the first question.
    const led = focusOf('孩子回来问了我两个问题：甲市要把哪些景区连起来？又要把哪几个景点串成线？');
    expect(led.questions).toEqual(['甲市要把哪些景区连起来？', '又要把哪几个景点串成线？']);
    expect(led.asked).not.toContain('两个问题');
    // The last question mark left out.
    expect(focusOf('甲市今年煤炭产量准备稳定在多少？顺便问下水土保持率要达到多少').questions).toEqual(['甲市今年煤炭产量准备稳定在多少？', '顺便问下水土保持率要达到多少']);
  });

  it('keeps a short either-or after a question with the question it narrows', () => {
    expect(focusOf('孩子刚一岁多。甲市今年对托育是怎么安排的？是全面推开还是试点？').questions).toEqual([
      '孩子刚一岁多。甲市今年对托育是怎么安排的？是全面推开还是试点？',
    ]);
    expect(focusOf('甲市今年新建几所学校？乙市呢？').questions).toEqual(['甲市今年新建几所学校？', '乙市呢？']);
  });

  it('keeps a topic put with 呢 together with the question asked of it after', () => {
    expect(focusOf('高速呢？今年哪条能建成？').questions).toEqual(['高速呢？今年哪条能建成？']);
    expect(focusOf('那养老方面呢？有哪些具体项目？').questions).toEqual(['那养老方面呢？有哪些具体项目？']);
    expect(focusOf('甲市今年新建几所学校？乙市呢？').questions).toHaveLength(2);
  });

  it('splits a plan told and a question how it went, or how much came of it, into the two questions they are', () => {
    expect(toldPlanThenProgress('甲市2025年说要启动会展中心建设，到2026年这事进展到哪一步了？')).toEqual(['甲市2025年说要启动会展中心建设', '到2026年这事进展到哪一步了？']);
    expect(toldPlanThenProgress('甲市2025年要打造绿电园区，后来建得咋样了？')).not.toBeNull();
    expect(toldPlanThenProgress('甲市2024年报告说地铁1号线一期年底通车，后来通车了吗？')).toEqual(['甲市2024年报告说地铁1号线一期年底通车', '后来通车了吗？']);
    expect(toldPlanThenProgress('甲市25年说要新增1万个车位，最后完成了多少？')).toEqual(['甲市25年说要新增1万个车位', '最后完成了多少？']);
    expect(toldPlanThenProgress('甲市2024年说要培育一批重点实验室，到2025年报告里新增了多少？')).not.toBeNull();
    expect(toldPlanThenProgress('甲市24年说要建设先行区，到25年报告回顾时，先行区招进来多少企业？')).not.toBeNull();
    expect(toldPlanThenProgress('甲市2024年说要培育一批重点实验室，一共多少个？')).toBeNull();
    expect(asksHowMuchCame('最后完成了多少？')).toBe(true);
    expect(asksHowMuchCame('后来建成了吗？')).toBe(false);
    expect(toldPlanThenProgress('甲市2025年的会展中心建成了吗？')).toBeNull();
  });

  it('asks a one-sentence question, or one whose every sentence asks, whole', () => {
    expect(focusOf('甲市停车难，今年加多少车位？').asked).toBe('甲市停车难，今年加多少车位？');
    expect(focusOf('甲市今年加多少车位？乙市呢？').telling).toEqual([]);
    expect(focusOf('停车难怎么解决？GDP增长5%').asked).toBe('停车难怎么解决？GDP增长5%');
  });

  it('tells after the last question only what speaks of the asker', () => {
    expect(focusOf('甲市今年加多少车位？我住在老城区。').asked).toBe('甲市今年加多少车位？');
    // A whole sentence after the question comments on it; a fragment without its own full stop is still asked.
    expect(focusOf('甲市对东湖的定位是什么？家里人都挺关心以后还有没有活干。').asked).toBe('甲市对东湖的定位是什么？');
  });

  it('marks every clause of a telling sentence as the asker\'s situation', () => {
    const message = '我家老人在几家医院之间来回跑。今年能互认多少项？';
    expect(tellingClauses(message).map(([s, e]) => message.slice(s, e))).toEqual(['我家老人在几家医院之间来回跑。']);
  });

  it('reads the unit, the amount and 今年 from the asking sentence only', () => {
    const reading = read('去年我刚搬来，跑了好几家医院。2025年甲市能互认多少项？');
    expect(reading.asked).toBe('2025年甲市能互认多少项?');
    expect(reading.years).toEqual([2025]);
    expect(read('去年我刚搬来甲市，很不方便。甲市要新建多少所学校？').years).toEqual([]);
    expect(reading.trace.find((n) => n.step === 'focus')?.did).toContain('asks');
  });
});

describe('two things asked the same', () => {
  it('splits "X和Y，各…" and "X和Y，哪个更…" into a question for each thing, and leaves other questions alone', () => {
    expect(pairedTopics('海南2021年制造业投资和离岛免税销售额，哪个涨得更猛？')).toEqual(['海南2021年制造业投资涨多少？', '离岛免税销售额涨多少？']);
    expect(pairedTopics('重庆2025年入境游人次和全市GDP，各涨了多少？')).toEqual(['重庆2025年入境游人次涨了多少？', '全市GDP涨了多少？']);
    expect(pairedTopics('太原2025年新建公园多少个？')).toBeNull();
    expect(pairedTopics('太原和晋中2025年都提了招商吗？')).toBeNull();
  });
});
