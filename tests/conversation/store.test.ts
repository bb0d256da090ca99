import { describe, expect, it } from 'vitest';
import { createMemoryConversationStore } from '../../src/conversation/store.js';
import type { Turn } from '../../src/search/followup.js';

const turn = (text: string): Turn => ({ text, cities: ['太原'], years: [2025], topic: [] });

describe('conversation memory', () => {
  it('forgets a conversation after the silence it allows', async () => {
    let now = 0;
    const store = createMemoryConversationStore({ ttlMs: 30 * 60_000, now: () => now });
    await store.set('chat:1', turn('a'));
    now = 29 * 60_000;
    expect((await store.get('chat:1'))?.text).toBe('a');
    now = 31 * 60_000;
    expect(await store.get('chat:1')).toBeUndefined();
  });

  it('starts over on reset, and drops the longest silent beyond its capacity', async () => {
    const store = createMemoryConversationStore({ capacity: 2 });
    await store.set('a', turn('a'));
    await store.set('b', turn('b'));
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    await store.set('c', turn('c'));
    await store.set('d', turn('d'));
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('d'))?.text).toBe('d');
  });
});
