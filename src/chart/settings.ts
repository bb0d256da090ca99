/** The numbers charts are drawn with, in one object. */
export const CHART_SETTINGS = {
  /** A series is drawn from this many points up; fewer read better as text. */
  minPoints: 3,
  /** Plot size in CSS pixels, and the zoom the PNG is rasterized at (Telegram shows photos up to about 1280 px). */
  width: 420,
  height: 220,
  zoom: 2,
  /** Width of the longest bar of a text chart, in characters. */
  textBarWidth: 16,
} as const;
