import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { indexManifestSchema } from '../../src/store/manifest.js';
import { currentIndexFolder } from '../../src/store/atomic.js';
import { FILES, POSTINGS_SKIP } from '../../src/store/embedded/files.js';
import { readEmbeddedIndex } from '../../src/store/embedded/read.js';
import { EMBEDDED_READ_SETTINGS } from '../../src/store/embedded/settings.js';
import { inScope } from '../../src/store/scope-filter.js';
import type { ScopeFilter, Store } from '../../src/store/types.js';
import { CORPUS_DIR, tempDir, testConfig } from '../support/fixtures.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let fromFile: Store;
let inMemory: Store;

/**
 * The real reports three times over, with 太原's, 晋中's and 榆次's interleaved, so that a city's
 * reports are runs at the start, in the middle and at the end, and many terms have long lists.
 */
const ORDER = [0, 1, 2].flatMap((round) =>
  (
    [
      ['TY2024', 'taiyuan-2024-report-summary.txt', '太原', 2024],
      ['JZ2025', 'jinzhong-2025-report-summary.txt', '晋中', 2025],
      ['TY2025', 'taiyuan-2025-report-summary.txt', '太原', 2025],
      ['YC2025', 'jinzhong-2025-report-summary.txt', '榆次', 2025],
      ['TY2026', 'taiyuan-2026-report-overview.txt', '太原', 2026],
    ] as const
  ).map(([id, file, city, year]) => [`${id}-${round}`, file, round === 1 && city === '太原' ? '榆次' : city, year] as const),
);

beforeAll(async () => {
  dir = await tempDir();
  const corpus = path.join(dir.dir, 'corpus');
  await mkdir(corpus);
  const documents = [];
  for (const [id, file, city, year] of ORDER) {
    const copy = `${id}.txt`;
    await copyFile(path.join(CORPUS_DIR, file), path.join(corpus, copy));
    documents.push({ id, file: copy, title: `${city}市${year}年政府工作报告`, city, year, reviews: year - 1 });
  }
  await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents }));
  const indexDir = path.join(dir.dir, 'index');
  await ingest({ ...testConfig(indexDir, { DENSE: 'off' }), corpusDir: corpus });
  const folder = (await currentIndexFolder(indexDir))!;
  const manifest = indexManifestSchema.parse(JSON.parse(await readFile(path.join(folder, FILES.manifest), 'utf8')));
  fromFile = await readEmbeddedIndex(folder, manifest, 50, {}, { ...EMBEDDED_READ_SETTINGS, postingsInMemoryBytes: 0 });
  inMemory = await readEmbeddedIndex(folder, manifest, 50);
});
afterAll(async () => {
  await fromFile.close();
  await inMemory.close();
  await dir.cleanup();
});

const SCOPES: ScopeFilter[] = [
  { cities: ['太原'], years: [] },
  { cities: ['晋中'], years: [] },
  { cities: ['榆次'], years: [2024] },
  { cities: ['太原'], years: [2025] },
  { cities: ['晋中', '太原'], years: [2026] },
  { cities: [], years: [2024] },
];
const QUESTIONS = [['发展', '增长', '目标'], ['地区生产总值', '增长'], ['卫生厕所', '普及率'], ['城镇', '新增', '就业', '万人'], ['推进', '建设', '项目']];

describe('scoped lexical search', () => {
  it('uses terms with more postings than postings.skip samples', () => {
    expect(fromFile.terms.documentFrequency('发展')).toBeGreaterThan(2 * POSTINGS_SKIP);
  });

  it('finds, reading postings by offset through their samples, what the whole search finds within the scope', async () => {
    const all = await fromFile.passages(Array.from({ length: fromFile.terms.passageCount }, (_, id) => id));
    const documents = new Map(fromFile.documents.map((d) => [d.id, d]));
    let found = 0;
    for (const terms of QUESTIONS) {
      const everywhere = await fromFile.searchLexical(terms, { cities: [], years: [] }, all.length);
      for (const scope of SCOPES) {
        const expected = everywhere.filter((hit) => inScope(scope, documents.get(all[hit.passageId].docId)!, all[hit.passageId].years)).slice(0, 40);
        found += expected.length;
        expect(await fromFile.searchLexical(terms, scope, 40)).toEqual(expected);
        expect(await inMemory.searchLexical(terms, scope, 40)).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(QUESTIONS.length * SCOPES.length * 10);
  });

  it('reads each long list\'s stretch of every city, up to its edges', async () => {
    const long = [...fromFile.terms.terms()].filter((term) => fromFile.terms.documentFrequency(term) > POSTINGS_SKIP);
    expect(long.length).toBeGreaterThan(100);
    for (const term of long) {
      const everywhere = await fromFile.searchLexical([term], { cities: [], years: [] }, fromFile.terms.passageCount);
      for (const city of ['太原', '晋中', '榆次']) {
        const scope = { cities: [city], years: [] };
        const ids = new Set((await fromFile.passages(everywhere.map((h) => h.passageId))).filter((p) => fromFile.documents.find((d) => d.id === p.docId)!.city === city).map((p) => p.id));
        expect(await fromFile.searchLexical([term], scope, fromFile.terms.passageCount)).toEqual(everywhere.filter((h) => ids.has(h.passageId)));
      }
    }
  });
});
