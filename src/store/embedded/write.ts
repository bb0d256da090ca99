import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndexManifest } from '../manifest.js';
import { invertTerms, postingStarts, type PassageTerms } from '../passage-terms.js';
import type { IndexWriter, StoreBuildEnd, StoredDocument } from '../types.js';
import { buildVectorIndex, type HnswSettings } from '../vector-index.js';
import { FILES, fingerprint, POSTINGS_SKIP } from './files.js';
import { openPieceFile, writeInPieces } from './piece-file.js';
import { openPassageRecords } from './records.js';

/** A build being written into a folder (see files.ts): the reports as they come, then `finish`. */
export interface EmbeddedBuild {
  writer: IndexWriter;
  /** Writes what needs every report and the manifest; returns the manifest. */
  finish(end: StoreBuildEnd): Promise<IndexManifest>;
  /** Closes what is open and removes the folder (a build that failed or was not needed). */
  abandon(): Promise<void>;
}

/**
 * Starts a build in `folder`: each report's passages go to `passages.bin` and its figures to
 * `figures.jsonl` as it is added; what a passage needs in `table.bin` is kept as numbers. What needs
 * every report (the table, the term files and postings, the vectors) is written by `finish`.
 */
export async function startEmbeddedBuild(folder: string, hnsw: HnswSettings): Promise<EmbeddedBuild> {
  const records = await openPassageRecords(path.join(folder, FILES.passages));
  const figures = await openPieceFile(path.join(folder, FILES.figures));
  const documents: StoredDocument[] = [];
  const table = { documentOf: [] as number[], sectionOf: [] as number[], yearStarts: [0], years: [] as number[], plans: [] as number[] };
  const sections = new Map<string, number>();

  const writer: IndexWriter = {
    async addReport(document, passages, reportFigures) {
      const index = documents.push(document) - 1;
      for (const passage of passages) {
        let section = sections.get(passage.section);
        if (section === undefined) sections.set(passage.section, (section = sections.size));
        table.documentOf.push(index);
        table.sectionOf.push(section);
        table.years.push(...passage.years);
        table.yearStarts.push(table.years.length);
        table.plans.push(passage.sectionKind === 'plan' ? 1 : 0);
        await records.add(passage);
      }
      for (const figure of reportFigures) await figures.write(Buffer.from(`${JSON.stringify(figure)}\n`));
    },
    passageTexts: (size) => records.texts(size),
  };

  return {
    writer,
    async finish({ manifest, terms, vectors }) {
      const written: string[] = [];
      const write = async (name: string, data: string | Uint8Array) => {
        await writeFile(path.join(folder, name), data);
        written.push(name);
      };
      await write(FILES.documents, JSON.stringify(documents));

      const { offsets, checksums } = await records.close();
      written.push(FILES.passages);
      await write(FILES.offsets, bytesOf(offsets));
      await write(FILES.checksums, checksums);

      await write(
        FILES.table,
        Buffer.concat([
          bytesOf(Uint32Array.from(table.documentOf)),
          bytesOf(terms.lengths),
          bytesOf(Uint32Array.from(table.yearStarts)),
          bytesOf(Uint32Array.from(table.sectionOf)),
          bytesOf(Uint16Array.from(table.years)),
          bytesOf(Uint8Array.from(table.plans)),
        ]),
      );
      await write(FILES.sections, JSON.stringify([...sections.keys()]));

      const first = postingStarts(terms.documentFrequencies);
      const termStats = new Float64Array(terms.terms.length * 2);
      terms.terms.forEach((_, id) => termStats.set([first[id], terms.documentFrequencies[id]], id * 2));
      await write(FILES.terms, JSON.stringify(terms.terms));
      await write(FILES.termStats, bytesOf(termStats));
      const skips: number[] = [];
      await writeInPieces(path.join(folder, FILES.postings), postingPieces(terms, first, skips));
      written.push(FILES.postings);
      await write(FILES.skips, bytesOf(Int32Array.from(skips)));
      await figures.close();
      written.push(FILES.figures);

      if (vectors) {
        const index = buildVectorIndex(vectors, manifest.dense!.dimension, hnsw);
        written.push(...(await index.save(path.join(folder, FILES.vectors))).map((file) => path.basename(file)));
      }

      const files: IndexManifest['files'] = {};
      for (const name of written) files[name] = await fingerprint(path.join(folder, name));
      const complete: IndexManifest = { ...manifest, files };
      await writeFile(path.join(folder, FILES.manifest), JSON.stringify(complete, null, 2));
      return complete;
    },
    async abandon() {
      await Promise.allSettled([records.close(), figures.close()]);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Postings inverted for this many pairs (32 MB) at a time at most, one stretch of terms after another. */
const POSTINGS_PIECE_PAIRS = 4 << 20;

/** postings.bin in order, a stretch of whole terms at a time (see `invertTerms`); the samples of postings.skip go to `skips`. */
function* postingPieces(terms: PassageTerms, first: Float64Array, skips: number[]): Generator<Uint8Array> {
  const count = first.length;
  const total = count === 0 ? 0 : first[count - 1] + terms.documentFrequencies[count - 1];
  const endOf = (term: number) => (term < count ? first[term] : total);
  for (let from = 0; from < count; ) {
    let to = from + 1;
    while (to < count && endOf(to + 1) - first[from] <= POSTINGS_PIECE_PAIRS) to++;
    const { postings } = invertTerms(terms, from, to);
    for (let term = from; term < to; term++) {
      const n = terms.documentFrequencies[term];
      if (n <= POSTINGS_SKIP) continue;
      const at = first[term] - first[from];
      for (let k = 0; k < n; k += POSTINGS_SKIP) skips.push(postings[(at + k) * 2]);
    }
    yield bytesOf(postings);
    from = to;
  }
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
