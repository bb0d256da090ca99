/** The numbers of reading an embedded index. */
export const EMBEDDED_READ_SETTINGS = {
  /** Below this many passages in scope, dense search scans them exactly instead of filtering HNSW. */
  exactScanLimit: 5000,
  /**
   * Postings up to this size are read into memory when the index opens (a few megabytes for a few
   * thousand passages, tens at twenty thousand): one read at open instead of one per query term.
   * Bigger ones are read by offset, so a large index does not hold them all.
   */
  postingsInMemoryBytes: 64 * 2 ** 20,
} as const;

export type EmbeddedReadSettings = { [K in keyof typeof EMBEDDED_READ_SETTINGS]: number };
