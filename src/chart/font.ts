import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import opentype from 'opentype.js';
import { packageDataFile } from '../package-data.js';

/** A CJK font read into memory, with where it came from (for messages). */
export interface ChartFont {
  file: string;
  font: opentype.Font;
}

/**
 * Where a CJK font is: the Noto Sans (Simplified Chinese) that the `@embedpdf/fonts-sc` package
 * ships, else a Chinese font fontconfig knows (`fc-list :lang=zh`; a single .otf or .ttf, which
 * opentype.js reads), else undefined.
 */
export function findCjkFontFile(): string | undefined {
  const shipped = packageDataFile('@embedpdf/fonts-sc', 'fonts', 'NotoSansHans-Regular.otf');
  if (shipped) return shipped;
  try {
    const listed = execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return listed
      .split('\n')
      .map((line) => line.replace(/:\s*$/, '').trim())
      .find((file) => /\.(otf|ttf)$/i.test(file));
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, Promise<ChartFont>>();

/** Reads a font once per process (about a second for an 8 MB CJK font; glyphs are read when first drawn). */
export function loadChartFont(file: string): Promise<ChartFont> {
  let font = loaded.get(file);
  if (!font) {
    font = readFile(file).then((bytes) => ({ file, font: opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, { lowMemory: true }) }));
    loaded.set(file, font);
    font.catch(() => loaded.delete(file));
  }
  return font;
}
