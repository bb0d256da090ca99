/**
 * Run by `npm run build` (so by `npm install`): prepares what every question reads (the lexicon,
 * the dictionary tables, the pinyin of each character, CC-CEDICT's glossary for English
 * questions), so that the first start after an install finds them ready instead of taking seconds
 * to make them. Later edits are prepared on first use.
 */
import { glossary } from '../search/english.js';
import { loadLexicon } from '../search/lexicon.js';
import { openDictionaryTables } from '../text/dictionary.js';

loadLexicon();
openDictionaryTables();
glossary();
