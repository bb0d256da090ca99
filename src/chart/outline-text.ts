import type { Font } from 'opentype.js';

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;

/**
 * Replaces every `<text>` of an SVG with the outlines of its glyphs in `font`, so the rasterizer
 * needs no font of its own (loading an 8 MB CJK font into resvg cost about a second per chart).
 * Reads what Vega writes: `transform="translate(x,y)"` (and a rotation), `text-anchor`,
 * `font-size`, `fill`, `dy` in em or px.
 */
export function outlineText(svg: string, font: Font): string {
  let outlined = outlinesByFont.get(font);
  if (!outlined) outlinesByFont.set(font, (outlined = new Map()));
  const kept = outlined;
  return svg.replace(TEXT, (element: string, attributes: string, escaped: string) => {
    const known = kept.get(element);
    if (known) return known;
    const text = unescape(escaped);
    const attribute = (name: string) => attributes.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
    const size = parseFloat(attribute('font-size') ?? '10');
    const anchor = attribute('text-anchor') ?? 'start';
    const dy = attribute('dy');
    const y = dy ? (dy.endsWith('em') ? parseFloat(dy) * size : parseFloat(dy)) : 0;
    // The drawn width (opentype.js's advance widths of a font read with lowMemory are not to be trusted).
    const width = anchor === 'start' ? 0 : font.getPath(text, 0, y, size).getBoundingBox().x2;
    const x = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
    const transform = attribute('transform');
    const fill = attribute('fill') ?? '#000';
    const opacity = attribute('opacity');
    const path = font.getPath(text, x, y, size).toPathData(2);
    const drawn = `<path${transform ? ` transform="${transform}"` : ''} fill="${fill}"${opacity ? ` opacity="${opacity}"` : ''} d="${path}"/>`;
    if (kept.size < OUTLINES_KEPT) kept.set(element, drawn);
    return drawn;
  });
}

/** Axis labels and titles repeat from chart to chart: their outlines are kept, up to this many. */
const OUTLINES_KEPT = 5000;
const outlinesByFont = new WeakMap<Font, Map<string, string>>();

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
