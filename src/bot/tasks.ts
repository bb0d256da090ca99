/**
 * Questions are answered in the background so that one slow chat never holds up the update loop;
 * this keeps track of them so shutdown (and tests) can wait until all replies are out.
 */
export interface TaskTracker {
  run(task: () => Promise<void>): void;
  idle(): Promise<void>;
  readonly pending: number;
}

export function createTaskTracker(onError: (error: unknown) => void): TaskTracker {
  const running = new Set<Promise<void>>();
  return {
    run(task) {
      const promise = task()
        .catch(onError)
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get pending() {
      return running.size;
    },
  };
}
