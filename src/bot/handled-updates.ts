/**
 * Updates already taken on. Telegram delivers an update again when it is not sure it arrived (a
 * webhook reply that failed, polling restarted before its offset was confirmed), and with replicas
 * the second delivery may reach another process: only the first claim of an update is handled, so
 * its answer goes out once.
 */
export interface HandledUpdates {
  /** True the first time an update of this bot is claimed, false ever after. */
  claim(botId: number, updateId: number): Promise<boolean>;
}

/** In this process's memory, the most recent `capacity` updates. */
export function createMemoryHandledUpdates(capacity = 10_000): HandledUpdates {
  const claimed = new Set<string>();
  return {
    async claim(botId, updateId) {
      const key = `${botId}:${updateId}`;
      if (claimed.has(key)) return false;
      claimed.add(key);
      if (claimed.size > capacity) claimed.delete(claimed.values().next().value!);
      return true;
    },
  };
}
