import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../src/corpus/chunk.js';
import { passageBody, passageFromBody } from '../../src/store/postgres/passage-body.js';
import type { StoredPassage } from '../../src/store/types.js';

const sentences = [
  { text: '城镇新增就业8万人。', start: 10, end: 20, run: 0 },
  { text: '2025 Taiyuan', start: 21, end: 33, run: 1 },
  { text: 'GDP grew.', start: 34, end: 43, run: 1 },
];
const passage: StoredPassage = { id: 7, docId: 'TY2025', section: '主要目标', sectionKind: 'plan', text: joinSentences(sentences), start: 10, end: 43, sentences, years: [2025] };

describe('a PostgreSQL passage body', () => {
  it('leaves the text and the field names out and gives the same passage back', () => {
    const body = passageBody(passage);
    expect(body).not.toContain(passage.text);
    expect(body).not.toContain('sentences');
    expect(body.length).toBeLessThan(JSON.stringify(passage).length - passage.text.length);
    expect(passageFromBody(JSON.parse(body))).toEqual(passage);
  });

  it('refuses a passage whose text is not its sentences joined', () => {
    expect(() => passageBody({ ...passage, text: `${passage.text}！` })).toThrow(/passage 7 of TY2025: its text is not its sentences joined/);
  });
});
