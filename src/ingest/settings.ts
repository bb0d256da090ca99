/** The numbers of building an index. */
export const INGEST_SETTINGS = {
  /**
   * V8 grows its heap by this much over what a full collection keeps, while an ingest runs (and
   * after, in the same process): V8's own choice let the heap reach twice the live data at ×1000
   * (1.6 GB for 0.77 GB live while the figures table was built), most of the build's peak. 20%
   * brought a ×1000 SIF build from 2.22 to 1.90 GB for about 14% more CPU.
   */
  heapGrowingPercent: 20,
  /** Passage texts read back from the build at a time to be embedded (rounded to whole model batches). */
  textsPerRead: 4096,
} as const;
