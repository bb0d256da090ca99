import type { IndicatorGroups } from './groups.js';
import type { Figure } from './types.js';

export interface FigureFilter {
  /** A city as the reports' manifest names it (太原). */
  city?: string;
  /** An indicator as people write it (GDP, 规上工业增加值): its group, or a name that contains it. */
  indicator?: string;
}

/**
 * The rows of the table a browse or export asks for, in table order. An indicator is its group
 * (GDP finds 地区生产总值 and 经济总量); a name no group holds finds the names that contain it.
 */
export function filterFigures(figures: Figure[], groups: IndicatorGroups, filter: FigureFilter): Figure[] {
  const inCity = figures.filter((f) => !filter.city || f.city === filter.city);
  const asked = filter.indicator;
  if (!asked) return inCity;
  const wanted = new Set([groups.keyOf(asked), ...groups.named(asked)]);
  const grouped = inCity.filter((f) => wanted.has(groups.keyOf(f.indicator)));
  return grouped.length > 0 ? grouped : inCity.filter((f) => f.indicator.includes(asked));
}

/** The table as the bot's /figures reads it: "太原 GDP" is a city and an indicator, in any order. */
export interface FigureBrowser {
  lookup(words: string): Promise<Figure[]>;
}

export function createFigureBrowser(table: () => Promise<{ figures: Figure[]; groups: IndicatorGroups }>): FigureBrowser {
  return {
    async lookup(words) {
      const { figures, groups } = await table();
      const cities = new Set(figures.map((f) => f.city));
      const parts = words.split(/\s+/).filter(Boolean);
      const city = parts.find((part) => cities.has(part));
      const indicator = parts.filter((part) => part !== city).join('');
      return filterFigures(figures, groups, { ...(city ? { city } : {}), ...(indicator ? { indicator } : {}) });
    },
  };
}
