/**
 * k-fold cross-validation of a choice among settings: which setting answers most questions right is
 * chosen on k-1 folds and scored on the fold left out, so the figure says how the choice holds on
 * questions it was not chosen on. Questions of one conversation stay in one fold.
 */
export interface Trial<S> {
  setting: S;
  /** Per question, keyed by question key: answered right. */
  right: Map<string, boolean>;
}

export interface FoldResult<S> {
  fold: number;
  chosen: S;
  /** Share right on the training folds (with the chosen setting) and on the held-out fold. */
  trainRight: number;
  heldOutRight: number;
  /** The reference setting (the first trial) on the same held-out fold. */
  referenceHeldOutRight: number;
  heldOut: number;
}

/** Deals the groups (conversations or single questions) into k folds at random, the same for one seed. */
export function foldsOf(groups: string[], k: number, random: () => number): string[][] {
  const shuffled = [...new Set(groups)].sort();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return Array.from({ length: k }, (_, fold) => shuffled.filter((_, i) => i % k === fold));
}

/**
 * For each fold: the setting right most often on the other folds (ties go to the earlier trial, so the
 * reference wins ties), and how it does on the fold. `groupOf` maps a question key to its group.
 */
export function crossValidate<S>(trials: Trial<S>[], groupOf: (key: string) => string, folds: string[][]): FoldResult<S>[] {
  const keys = [...trials[0].right.keys()];
  const share = (trial: Trial<S>, inFold: (key: string) => boolean) => {
    const picked = keys.filter(inFold);
    return picked.length === 0 ? 0 : picked.filter((key) => trial.right.get(key)).length / picked.length;
  };
  return folds.map((fold, index) => {
    const held = new Set(fold);
    const isHeld = (key: string) => held.has(groupOf(key));
    let best = trials[0];
    let bestTrain = share(best, (key) => !isHeld(key));
    for (const trial of trials.slice(1)) {
      const train = share(trial, (key) => !isHeld(key));
      if (train > bestTrain) [best, bestTrain] = [trial, train];
    }
    return {
      fold: index,
      chosen: best.setting,
      trainRight: bestTrain,
      heldOutRight: share(best, isHeld),
      referenceHeldOutRight: share(trials[0], isHeld),
      heldOut: keys.filter(isHeld).length,
    };
  });
}
