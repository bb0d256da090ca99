import { describe, expect, it } from 'vitest';
import { crossValidate, foldsOf, type Trial } from '../../src/eval/cross-validate.js';
import { seededRandom } from '../support/random.js';

const trial = (setting: string, rightKeys: string[], keys: string[]): Trial<string> => ({ setting, right: new Map(keys.map((k) => [k, rightKeys.includes(k)])) });

describe('cross-validation of a setting', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('keeps a conversation in one fold and uses every group once', () => {
    const folds = foldsOf(['t1', 't1', 'x', 'y', 'z'], 2, seededRandom(1));
    expect(folds.flat().sort()).toEqual(['t1', 'x', 'y', 'z']);
  });

  it('scores the setting chosen on the other folds on the fold left out', () => {
    // "fits" is right on everything but f; "reference" only on a and b.
    const trials = [trial('reference', ['a', 'b'], keys), trial('fits', ['a', 'b', 'c', 'd', 'e'], keys)];
    const results = crossValidate(trials, (key) => key, [['a', 'b', 'c'], ['d', 'e', 'f']]);
    expect(results.map((r) => r.chosen)).toEqual(['fits', 'fits']);
    expect(results.map((r) => r.heldOutRight)).toEqual([1, 2 / 3]);
    expect(results.map((r) => r.referenceHeldOutRight)).toEqual([2 / 3, 0]);
  });

  it('keeps the reference on a tie', () => {
    const trials = [trial('reference', ['a'], keys), trial('other', ['a'], keys)];
    expect(crossValidate(trials, (key) => key, [['a', 'b', 'c'], ['d', 'e', 'f']]).map((r) => r.chosen)).toEqual(['reference', 'reference']);
  });
});
