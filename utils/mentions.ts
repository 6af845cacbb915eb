// Queries over the mention log, used by the background (recording, retention, quota) and every page (digest, list,
// status, export). Everything takes the database as its first argument so tests can pass a fresh one.
//
// Wiring in the background, for reference:
//   const queue = createWriteQueue((batch: MentionInput[]) =>
//     withQuotaRecovery(db, () => recordMentions(db, batch, { authorMode, pseudonymKey }), { retentionDays }));
//   onMessage('contentLogsMentions', ({ data }) => queue.push(data));

import { isValidTime, maxTime } from './dates';
import type { LauscherDb } from './db';
import {
  type AuthorMode,
  MENTION_STATUSES,
  type Mention,
  type MentionInput,
  type MentionStatus,
  type Platform,
} from './model';

export const SNIPPET_MAX = 500;
export const NOTE_MAX = 2000;
export const DEFAULT_RETENTION_DAYS = 90;
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 365;
export const OPEN_STATUSES: readonly MentionStatus[] = ['new', 'seen'];

// ---------------------------------------------------------------------------------------------------------------
// Local calendar days

/** Midnight (local time) of the day that contains `t`. */
export function startOfLocalDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** `dayStart` moved by `days` calendar days (local time, so DST days of 23 or 25 hours count as one day). */
export function addLocalDays(dayStart: number, days: number): number {
  const d = new Date(dayStart);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

export function clampRetentionDays(days: number): number {
  if (!Number.isFinite(days)) return DEFAULT_RETENTION_DAYS;
  return Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, Math.round(days)));
}

/**
 * Rows whose `lastSeen` is before this instant are beyond retention: midnight `days` days before today.
 * Never later than today's midnight, so today's mentions are never beyond retention.
 */
export function retentionCutoff(days: number, now: number): number {
  const today = startOfLocalDay(now);
  return Math.min(today, addLocalDays(today, -Math.max(1, Math.floor(days))));
}

// ---------------------------------------------------------------------------------------------------------------
// Privacy

function normaliseAuthor(author: string): string {
  return author.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** HMAC keys imported once per key string (the team key rarely changes; rotation adds one). */
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(key: string): Promise<CryptoKey> {
  let k = hmacKeys.get(key);
  if (!k) {
    if (hmacKeys.size >= 4) hmacKeys.clear();
    k = crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    hmacKeys.set(key, k);
  }
  return k;
}

/**
 * "Person 3F9A": the first 16 bits of HMAC-SHA-256(key, author), author trimmed, whitespace collapsed, lower-cased.
 * The key is the team's (Profile.pseudonymKey, shared with the team profile file), so colleagues see the same author
 * as the same person; without the key a name cannot be tested against a pseudonym. Only 65,536 values on purpose:
 * the label tells people apart in a team's work, it does not identify anyone (collisions are possible and harmless).
 */
export async function pseudonymise(author: string, key: string): Promise<string> {
  const name = normaliseAuthor(author).toLocaleLowerCase('de-DE');
  if (!name) return '';
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(key), new TextEncoder().encode(name));
  const bytes = new Uint8Array(mac, 0, 2);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `Person ${hex.toUpperCase()}`;
}

export const PSEUDONYM_PATTERN = /^Person [0-9A-F]{4}$/;

/** The author as the privacy mode allows it to be stored. */
export async function applyAuthorMode(author: string, mode: AuthorMode, key: string): Promise<string> {
  if (mode === 'none') return '';
  if (mode === 'plain') return normaliseAuthor(author);
  if (PSEUDONYM_PATTERN.test(author)) return author;
  return pseudonymise(author, key);
}

/** At most `max` UTF-16 units including the ellipsis, never splitting a surrogate pair. */
export function truncateSnippet(text: string, max = SNIPPET_MAX): string {
  const s = text.trim();
  if (s.length <= max) return s;
  let end = max - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${s.slice(0, end).trimEnd()}…`;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/**
 * A stored row as pages may read it: lists are lists, texts are texts, and an impossible time (NaN, 1e20, a
 * string) becomes NaN, which every page renders as "ungültiges Datum". Never throws.
 */
export function readable(m: Mention, now: number = Date.now()): Mention {
  const time = (t: unknown) => (isValidTime(t, now) ? t : Number.NaN);
  const text = (t: unknown) => (typeof t === 'string' ? t : '');
  const out: Mention = {
    ...m,
    mentionKey: text(m.mentionKey),
    permalink: text(m.permalink),
    pageUrl: text(m.pageUrl),
    author: text(m.author),
    snippet: text(m.snippet),
    note: text(m.note),
    terms: strings(m.terms),
    topicIds: strings(m.topicIds),
    firstSeen: time(m.firstSeen),
    lastSeen: time(m.lastSeen),
    statusChangedAt: time(m.statusChangedAt),
    seenCount: Number.isInteger(m.seenCount) ? m.seenCount : 1,
    status: MENTION_STATUSES.includes(m.status) ? m.status : 'new',
  };
  if (m.words !== undefined) out.words = strings(m.words);
  if (m.answeredAt !== undefined) out.answeredAt = time(m.answeredAt);
  if (m.time !== undefined) out.time = text(m.time);
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Recording

export interface RecordOptions {
  authorMode: AuthorMode;
  /** The team's pseudonym key (Profile.pseudonymKey); only used in pseudonym mode. */
  pseudonymKey: string;
  now?: number;
}

export interface RecordResult {
  added: number;
  updated: number;
  /** Inputs without a mentionKey. */
  skipped: number;
  /** Keys of the batch whose row the team has ignored: the page drops their highlights again after a reload. */
  ignoredKeys: string[];
}

/**
 * Stores one batch in one read-write transaction. Deduplicates by mentionKey, within the batch too: a mention seen
 * again gets `lastSeen = now`, `seenCount += times seen`, new terms and topics merged; never a second row. Status,
 * note, snippet and author of an existing row are left as they are.
 */
export async function recordMentions(
  db: LauscherDb,
  inputs: readonly MentionInput[],
  opts: RecordOptions,
): Promise<RecordResult> {
  const now = opts.now ?? Date.now();
  let skipped = 0;
  const byKey = new Map<
    string,
    { input: MentionInput; count: number; terms: string[]; topicIds: string[]; words: string[] }
  >();
  for (const input of inputs) {
    if (!input?.mentionKey) {
      skipped += 1;
      continue;
    }
    const seen = byKey.get(input.mentionKey);
    if (seen) {
      seen.count += 1;
      seen.terms = union(seen.terms, input.terms ?? []);
      seen.topicIds = union(seen.topicIds, input.topicIds ?? []);
      seen.words = union(seen.words, input.words ?? []);
    } else {
      byKey.set(input.mentionKey, {
        input,
        count: 1,
        terms: union([], input.terms ?? []),
        words: union([], input.words ?? []),
        topicIds: union([], input.topicIds ?? []),
      });
    }
  }
  if (byKey.size === 0) return { added: 0, updated: 0, skipped, ignoredKeys: [] };

  // Hash outside the transaction: awaiting crypto.subtle inside it would let IndexedDB commit it early.
  const authors = new Map<string, string>();
  for (const { input } of byKey.values()) {
    if (!authors.has(input.author))
      authors.set(input.author, await applyAuthorMode(input.author, opts.authorMode, opts.pseudonymKey));
  }

  return db.transaction('rw', db.mentions, async () => {
    const rows = await findByKeys(db, byKey.keys());
    const puts: (Mention | Omit<Mention, 'id'>)[] = [];
    let added = 0;
    let updated = 0;
    const ignoredKeys: string[] = [];
    for (const [key, { input, count, terms, topicIds, words }] of byKey) {
      const old = rows.get(key);
      if (old) {
        updated += 1;
        if (old.status === 'ignored') ignoredKeys.push(key);
        // A row stored badly before (lastSeen 1e20, terms not a list) is repaired, not carried on.
        const next: Mention = {
          ...old,
          lastSeen: isValidTime(old.lastSeen, now) ? Math.max(old.lastSeen, now) : now,
          seenCount: (Number.isInteger(old.seenCount) ? old.seenCount : 0) + count,
          terms: union(strings(old.terms), terms),
          topicIds: union(strings(old.topicIds), topicIds),
        };
        if (words.length) next.words = union(strings(old.words), words);
        if (!old.time && input.time) next.time = input.time;
        puts.push(next);
      } else {
        added += 1;
        const row: Omit<Mention, 'id'> = {
          mentionKey: key,
          platform: input.platform,
          kind: input.kind,
          permalink: input.permalink,
          pageUrl: input.pageUrl,
          author: authors.get(input.author) ?? '',
          snippet: truncateSnippet(input.snippet ?? ''),
          terms,
          topicIds,
          firstSeen: now,
          lastSeen: now,
          seenCount: count,
          status: 'new',
          statusChangedAt: now,
          note: '',
        };
        if (input.time) row.time = input.time;
        if (words.length) row.words = words;
        puts.push(row);
      }
    }
    await db.mentions.bulkPut(puts as Mention[]);
    return { added, updated, skipped, ignoredKeys };
  });
}

/**
 * Existing rows for these mentionKeys, through the unique index. One `get` per key rather than `anyOf`: as fast in
 * browsers, while fake-indexeddb (tests, bench) walks the whole index for every key of an `anyOf`.
 */
export async function findByKeys(db: LauscherDb, keys: Iterable<string>): Promise<Map<string, Mention>> {
  const found = await Promise.all([...keys].map((mentionKey) => db.mentions.get({ mentionKey })));
  const out = new Map<string, Mention>();
  for (const m of found) if (m) out.set(m.mentionKey, m);
  return out;
}

export interface WriteQueue<T, R> {
  /** Queues items; resolves with the result of the flush that wrote them (rejects if that flush failed). */
  push(items: T | readonly T[]): Promise<R>;
  /** Writes everything queued now and waits until the queue is empty. */
  flush(): Promise<void>;
  /** Items waiting for the next flush. */
  readonly pending: number;
  /** Cancels the timer; items still queued are flushed by a later push or flush(). */
  dispose(): void;
}

/**
 * Group commit for writes arriving from many tabs: items wait at most `maxDelayMs` (or until `maxBatch` are queued),
 * then go to `flush` as one batch. Only one flush runs at a time; what arrives meanwhile forms the next batch, which
 * starts as soon as the running one ends.
 */
export function createWriteQueue<T, R>(
  flush: (batch: T[]) => Promise<R>,
  { maxDelayMs = 250, maxBatch = 500 }: { maxDelayMs?: number; maxBatch?: number } = {},
): WriteQueue<T, R> {
  type Waiter = { resolve: (r: R) => void; reject: (e: unknown) => void };
  let items: T[] = [];
  let waiters: Waiter[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;

  const start = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (inFlight || waiters.length === 0) return;
    const batch = items;
    const batchWaiters = waiters;
    items = [];
    waiters = [];
    inFlight = (async () => {
      try {
        const result = await flush(batch);
        for (const w of batchWaiters) w.resolve(result);
      } catch (err) {
        for (const w of batchWaiters) w.reject(err);
      }
    })().finally(() => {
      inFlight = undefined;
      if (waiters.length > 0) start();
    });
  };

  return {
    push(input) {
      const list = Array.isArray(input) ? (input as readonly T[]) : [input as T];
      items.push(...list);
      const done = new Promise<R>((resolve, reject) => waiters.push({ resolve, reject }));
      if (items.length >= maxBatch) start();
      else if (timer === undefined && !inFlight) timer = setTimeout(start, maxDelayMs);
      return done;
    },
    async flush() {
      start();
      while (inFlight) await inFlight;
    },
    get pending() {
      return items.length;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Digest (popup)

export interface DigestOptions {
  now?: number;
  /** Topics whose open mentions go to the top of the list. */
  urgentTopicIds?: readonly string[];
  /** Length of `top` (default 20). */
  topLimit?: number;
  /** Open mentions are counted and listed from this many local days, today included (default 7, at least 2). */
  openWindowDays?: number;
}

export interface Digest {
  /** Local midnight of today. */
  dayStart: number;
  /** Local midnight of the first day of the open window. */
  windowStart: number;
  /** First seen today / yesterday (local calendar days). */
  today: number;
  yesterday: number;
  /** First seen today, per topic id (a mention with two topics counts for both) and per platform. */
  byTopic: Record<string, number>;
  byPlatform: Partial<Record<Platform, number>>;
  /** Answered today (answeredAt, schema v2), whenever first seen. */
  answeredToday: number;
  /** Status new or seen, first seen within the open window. */
  unanswered: number;
  /** Of those, with at least one urgent topic. */
  urgentUnanswered: number;
  /** From the open window: urgent and open first, then open, then the rest; newest first within each group. */
  top: Mention[];
}

/**
 * The popup's numbers. Reads one `firstSeen` index range (the open window), so its cost grows with the mentions of
 * the last few days, not with the size of the log.
 */
export async function digest(db: LauscherDb, opts: DigestOptions = {}): Promise<Digest> {
  const now = opts.now ?? Date.now();
  const urgent = new Set(opts.urgentTopicIds ?? []);
  const topLimit = opts.topLimit ?? 20;
  const windowDays = Math.max(2, Math.floor(opts.openWindowDays ?? 7));
  const dayStart = startOfLocalDay(now);
  const yesterdayStart = addLocalDays(dayStart, -1);
  const windowStart = addLocalDays(dayStart, -(windowDays - 1));

  // Bounded above too: a row dated 2100 (or 1e20) must not count as "today" for ever.
  const rows = (await db.mentions.where('firstSeen').between(windowStart, maxTime(now), true, true).toArray()).map(
    (m) => readable(m, now),
  );

  const result: Digest = {
    dayStart,
    windowStart,
    today: 0,
    yesterday: 0,
    byTopic: {},
    byPlatform: {},
    answeredToday: await db.mentions.where('answeredAt').between(dayStart, maxTime(now), true, true).count(),
    unanswered: 0,
    urgentUnanswered: 0,
    top: [],
  };
  const rank = new Map<Mention, number>();
  for (const m of rows) {
    if (m.firstSeen >= dayStart) {
      result.today += 1;
      for (const t of m.topicIds) result.byTopic[t] = (result.byTopic[t] ?? 0) + 1;
      result.byPlatform[m.platform] = (result.byPlatform[m.platform] ?? 0) + 1;
    } else if (m.firstSeen >= yesterdayStart) {
      result.yesterday += 1;
    }
    const open = OPEN_STATUSES.includes(m.status);
    const isUrgent = open && m.topicIds.some((t) => urgent.has(t));
    if (open) result.unanswered += 1;
    if (isUrgent) result.urgentUnanswered += 1;
    rank.set(m, isUrgent ? 0 : open ? 1 : 2);
  }
  result.top = rows
    .sort((a, b) => (rank.get(a) ?? 2) - (rank.get(b) ?? 2) || b.firstSeen - a.firstSeen || b.id - a.id)
    .slice(0, topLimit);
  return result;
}

/** Mentions first seen today (local day). */
export function countToday(db: LauscherDb, now: number = Date.now()): Promise<number> {
  return db.mentions.where('firstSeen').between(startOfLocalDay(now), maxTime(now), true, true).count();
}

// ---------------------------------------------------------------------------------------------------------------
// List, filter, status

/** Shared by the log page, CSV and JSON export. Empty or missing arrays mean "all". */
export interface MentionFilter {
  /** firstSeen >= from (ms, inclusive). */
  from?: number;
  /** firstSeen < to (ms, exclusive: pass the next day's midnight for "up to and including that day"). */
  to?: number;
  /** At least one of these topics. */
  topicIds?: readonly string[];
  platforms?: readonly Platform[];
  statuses?: readonly MentionStatus[];
}

export interface ListOptions extends MentionFilter {
  limit?: number;
  offset?: number;
  /** By firstSeen; default newest first. */
  order?: 'newest' | 'oldest';
}

export function matchesFilter(m: Mention, f: MentionFilter): boolean {
  if (f.from !== undefined && m.firstSeen < f.from) return false;
  if (f.to !== undefined && m.firstSeen >= f.to) return false;
  if (f.platforms?.length && !f.platforms.includes(m.platform)) return false;
  if (f.statuses?.length && !f.statuses.includes(m.status)) return false;
  if (f.topicIds?.length && !strings(m.topicIds).some((t) => f.topicIds?.includes(t))) return false;
  return true;
}

/** Mentions in a firstSeen range (index), other criteria filtered while walking the cursor. */
export async function listMentions(db: LauscherDb, opts: ListOptions = {}): Promise<Mention[]> {
  const from = opts.from ?? Number.NEGATIVE_INFINITY;
  const to = opts.to ?? Number.POSITIVE_INFINITY;
  if (!(from < to)) return [];
  const now = Date.now();
  const { topicIds, platforms, statuses } = opts;
  if (statuses?.length && !topicIds?.length && !platforms?.length && !opts.offset) {
    // The open mentions (side panel, digest list) without walking past the answered ones: one [status+firstSeen]
    // range per status, merged.
    const per = await Promise.all(
      statuses.map((s) => {
        let c = db.mentions.where('[status+firstSeen]').between([s, from], [s, to], true, false);
        if (opts.order !== 'oldest') c = c.reverse();
        return (opts.limit !== undefined ? c.limit(opts.limit) : c).toArray();
      }),
    );
    const sign = opts.order === 'oldest' ? 1 : -1;
    const merged = per.flat().sort((a, b) => sign * (a.firstSeen - b.firstSeen || a.id - b.id));
    return merged.slice(0, opts.limit ?? merged.length).map((m) => readable(m, now));
  }
  let coll = db.mentions.where('firstSeen').between(from, to, true, false);
  if (opts.order !== 'oldest') coll = coll.reverse();
  if (topicIds?.length || platforms?.length || statuses?.length) {
    coll = coll.filter((m) => matchesFilter(m, { topicIds, platforms, statuses }));
  }
  if (opts.offset) coll = coll.offset(opts.offset);
  if (opts.limit !== undefined) coll = coll.limit(opts.limit);
  return (await coll.toArray()).map((m) => readable(m, now));
}

export async function getMention(db: LauscherDb, id: number): Promise<Mention | undefined> {
  const m = await db.mentions.get(id);
  return m && readable(m);
}

/**
 * Sets status and statusChangedAt (and templateUsed when given); the first time it becomes 'answered' also
 * answeredAt (and who, with which template version, when given). False if there is no such mention.
 */
export async function setStatus(
  db: LauscherDb,
  id: number,
  status: MentionStatus,
  opts: { templateUsed?: string; templateVersion?: number; answeredBy?: string; now?: number } = {},
): Promise<boolean> {
  const now = opts.now ?? Date.now();
  const changes: Partial<Mention> = { status, statusChangedAt: now };
  if (opts.templateUsed !== undefined) changes.templateUsed = opts.templateUsed;
  if (status !== 'answered') return (await db.mentions.update(id, changes)) === 1;
  if (opts.answeredBy !== undefined) changes.answeredBy = opts.answeredBy;
  if (opts.templateVersion !== undefined) changes.templateVersion = opts.templateVersion;
  // The response figures count the time to the FIRST answer: a later re-marking keeps the first answeredAt.
  return db.transaction('rw', db.mentions, async () => {
    const row = await db.mentions.get(id);
    if (!row) return false;
    if (row.answeredAt === undefined) changes.answeredAt = now;
    return (await db.mentions.update(id, changes)) === 1;
  });
}

/** Trimmed, at most NOTE_MAX characters. False if there is no such mention. */
export async function setNote(db: LauscherDb, id: number, note: string): Promise<boolean> {
  return (await db.mentions.update(id, { note: note.trim().slice(0, NOTE_MAX) })) === 1;
}

/** 'new' → 'seen' for these ids; other statuses stay. Returns how many changed. */
export function markSeen(db: LauscherDb, ids: readonly number[], now: number = Date.now()): Promise<number> {
  if (ids.length === 0) return Promise.resolve(0);
  return db.transaction('rw', db.mentions, async () => {
    const rows = await db.mentions.bulkGet([...ids]);
    const updates = rows
      .filter((m): m is Mention => m?.status === 'new')
      .map((m) => ({ key: m.id, changes: { status: 'seen' as const, statusChangedAt: now } }));
    if (updates.length > 0) await db.mentions.bulkUpdate(updates);
    return updates.length;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Erasure and retention

/** "Alles löschen": every mention (the team's pseudonym key in the profile stays). Returns how many were deleted. */
export async function deleteAll(db: LauscherDb): Promise<number> {
  return db.transaction('rw', db.mentions, async () => {
    const n = await db.mentions.count();
    await db.mentions.clear();
    return n;
  });
}

/** Retention: deletes mentions last seen before `retentionCutoff(days, now)`. Returns how many. */
export function purgeOlderThan(db: LauscherDb, days: number, now: number = Date.now()): Promise<number> {
  return db.mentions.where('lastSeen').below(retentionCutoff(days, now)).delete();
}

// ---------------------------------------------------------------------------------------------------------------
// Storage quota

/** True for a QuotaExceededError, also when Dexie wraps it (AbortError/BulkError with `inner`, `failures`). */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaError(f, depth + 1));
  if (e.failures && typeof e.failures === 'object') {
    return Object.values(e.failures).some((f) => isQuotaError(f, depth + 1));
  }
  return false;
}

export interface QuotaRecovery {
  /** Deleted because last seen before the retention window. */
  prunedBeyondRetention: number;
  /** Deleted as the oldest mentions last seen before today (second stage). */
  prunedOldest: number;
  /** For the user, German. */
  message: string;
}

/** Thrown when the write still fails after pruning. Today's mentions were not deleted. */
export class LogStorageFullError extends Error {
  override name = 'LogStorageFullError';
  constructor(
    readonly recovery: Omit<QuotaRecovery, 'message'>,
    options?: { cause?: unknown },
  ) {
    super(
      'Der Speicher ist voll: neue Erwähnungen konnten nicht gespeichert werden. Die heutigen Erwähnungen bleiben ' +
        'erhalten. Bitte exportieren Sie das Protokoll und verkürzen Sie die Aufbewahrungsdauer.',
      options,
    );
  }
}

const de = (n: number): string => n.toLocaleString('de-DE');

/**
 * Runs `op`; on a quota error deletes the mentions beyond retention and retries once; if it still fails, deletes
 * the oldest `oldestShare` (default a quarter) of the mentions last seen before today and retries once more.
 * Mentions last seen today are never deleted. Errors other than quota errors pass through untouched.
 * `op` must be safe to repeat (a Dexie transaction is: it either committed or changed nothing).
 */
export async function withQuotaRecovery<T>(
  db: LauscherDb,
  op: () => Promise<T>,
  opts: { retentionDays: number; now?: number; oldestShare?: number },
): Promise<{ result: T; recovery?: QuotaRecovery }> {
  try {
    return { result: await op() };
  } catch (err) {
    if (!isQuotaError(err)) throw err;
  }
  const now = opts.now ?? Date.now();
  const days = Math.floor(opts.retentionDays);
  const recovery = { prunedBeyondRetention: 0, prunedOldest: 0 };

  recovery.prunedBeyondRetention = await purgeOlderThan(db, days, now);
  let lastError: unknown;
  if (recovery.prunedBeyondRetention > 0) {
    try {
      const result = await op();
      return {
        result,
        recovery: {
          ...recovery,
          message: `Der Speicher war voll: ${de(recovery.prunedBeyondRetention)} Erwähnungen älter als ${de(days)} Tage wurden gelöscht.`,
        },
      };
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      lastError = err;
    }
  }

  const dayStart = startOfLocalDay(now);
  const beforeToday = db.mentions.where('lastSeen').below(dayStart);
  const n = await beforeToday.count();
  if (n > 0) {
    const share = Math.min(1, Math.max(0, opts.oldestShare ?? 0.25));
    const keys = await db.mentions
      .where('lastSeen')
      .below(dayStart)
      .limit(Math.max(1, Math.ceil(n * share)))
      .primaryKeys();
    await db.mentions.bulkDelete(keys);
    recovery.prunedOldest = keys.length;
    try {
      const result = await op();
      const parts = [];
      if (recovery.prunedBeyondRetention > 0) {
        parts.push(`${de(recovery.prunedBeyondRetention)} Erwähnungen älter als ${de(days)} Tage`);
      }
      parts.push(`die ${de(recovery.prunedOldest)} ältesten Erwähnungen vor heute`);
      return {
        result,
        recovery: {
          ...recovery,
          message: `Der Speicher war voll: ${parts.join(' und ')} wurden gelöscht. Bitte exportieren Sie das Protokoll regelmäßig oder verkürzen Sie die Aufbewahrungsdauer.`,
        },
      };
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      lastError = err;
    }
  }
  throw new LogStorageFullError(recovery, { cause: lastError });
}
