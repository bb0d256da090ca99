import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Answer } from '../answer/types.js';
import { query } from '../store/postgres/pool.js';

/**
 * A question the bot could not serve: not found, or answered and marked 👎. Kept for the
 * maintainer (`npx report-qa misses`), with no user name or id.
 */
export interface Miss {
  question: string;
  /** How the question was read (city, year, topic). */
  reading: string;
  /** The answer's reason code; FOUND for an answer marked 👎. */
  reason: string;
  kind: 'not-found' | 'disliked';
  /** private, group, supergroup, channel or inline. */
  chatType: string;
  at: number;
}

/** The same miss asked again and again counts once, with how often. */
export interface MissSummary extends Omit<Miss, 'at' | 'chatType'> {
  count: number;
  chatTypes: string[];
  lastAt: number;
}

export interface MissLog {
  record(miss: Miss): Promise<void>;
  /** Most frequent first. */
  list(): Promise<MissSummary[]>;
}

/** What to keep of an answer that missed. */
export function missOf(answer: Answer, kind: Miss['kind'], chatType: string, at = Date.now()): Miss {
  return { question: answer.question, reading: answer.understood.question, reason: answer.reason ?? 'FOUND', kind, chatType, at };
}

export function summarizeMisses(misses: Miss[]): MissSummary[] {
  const groups = new Map<string, MissSummary>();
  for (const miss of misses) {
    const key = JSON.stringify([miss.question, miss.reason, miss.kind]);
    const group = groups.get(key) ?? { question: miss.question, reading: miss.reading, reason: miss.reason, kind: miss.kind, count: 0, chatTypes: [], lastAt: 0 };
    group.count++;
    if (!group.chatTypes.includes(miss.chatType)) group.chatTypes.push(miss.chatType);
    group.lastAt = Math.max(group.lastAt, miss.at);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

/** Where the embedded store keeps misses: beside the index versions, in the index folder. */
export function missesFile(indexDir: string): string {
  return path.join(indexDir, 'misses.jsonl');
}

export function createMemoryMissLog(): MissLog {
  const misses: Miss[] = [];
  return { record: async (miss) => void misses.push(miss), list: async () => summarizeMisses(misses) };
}

/**
 * Misses as JSON lines in a file beside the embedded index. Each is one append of one line, so
 * concurrent writers never interleave within a line; a torn last line (a crash) is skipped.
 */
export function createFileMissLog(file: string): MissLog {
  return {
    async record(miss) {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(miss)}\n`);
    },
    async list() {
      let text = '';
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      return summarizeMisses(text.split('\n').flatMap(parseMiss));
    },
  };
}

function parseMiss(line: string): Miss[] {
  if (!line.trim()) return [];
  try {
    const miss = JSON.parse(line) as Miss;
    return typeof miss.question === 'string' ? [miss] : [];
  } catch {
    return [];
  }
}

export function createPostgresMissLog(pool: pg.Pool): MissLog {
  return {
    async record(miss) {
      await query(pool, 'INSERT INTO rq_misses (question, reading, reason, kind, chat_type, at) VALUES ($1, $2, $3, $4, $5, $6)', [miss.question, miss.reading, miss.reason, miss.kind, miss.chatType, miss.at]);
    },
    async list() {
      // Before the first ingest there is no table, and nothing missed.
      const { rows } = await query<{ question: string; reading: string; reason: string; kind: Miss['kind']; chat_type: string; at: number }>(pool, 'SELECT * FROM rq_misses').catch(
        (error: { code?: string }) => (error.code === '42P01' ? { rows: [] } : Promise.reject(error)),
      );
      return summarizeMisses(rows.map((r) => ({ question: r.question, reading: r.reading, reason: r.reason, kind: r.kind, chatType: r.chat_type, at: Number(r.at) })));
    },
  };
}
