// The popup's digest query: day counts and trend for the chosen Berlin day, the filtered queue (one page of it read
// in full) and this week's response figures. Its cost follows what the popup shows, not the size of the log:
// - counts by status, topic, platform, day and overdue come from index ranges (`firstSeen`, the digest's own
//   `*digestKeys`, utils/digest/index-keys.ts), never from reading rows;
// - the queue is ranked from the index: urgent rows are those with an urgent topic's key, and within each urgency
//   and status the index already holds them oldest first (so overdue first: overdue means first seen before a
//   cutoff). Only the first `offset + limit` of each such list are read, and ranked as the whole list would be;
// - this week's answers are read (their median needs each one's working time).
// A search in snippets has to read the rows it searches: those of the wanted statuses, narrowed by topic and
// platform through the index first. Rows the index cannot place (a status or firstSeen stored badly, rows written
// past the extension) are noticed by count, and the digest then reads rows as before (`loadDigestByRows`).
import type { Collection, InsertType } from 'dexie';
import type { LauscherDb } from '../db';
import { readable } from '../mentions';
import { type Mention, type MentionStatus, PLATFORMS, type Platform } from '../model';
import { HOUR_MS, type WorkingTime, workingCutoff } from '../working-hours';
import { addBerlinDays, startOfBerlinDay, startOfBerlinWeek } from './berlin';
import { ANY_STATUS, DIGEST_KEYS, digestRange, type Facet, type KeyStatus } from './index-keys';
import { OPEN, type QueueEntry, type QueueFilter, rankQueue } from './queue';
import { answerFigures, type ResponseFigures, type ResponseOptions, responseFigures } from './response';

export const TREND_DAYS = 7;

export interface DigestQuery {
  now?: number;
  /** Any instant of the day to show (default today). */
  day?: number;
  urgentTopicIds: readonly string[];
  wt: WorkingTime;
  /** The promise in working hours. */
  promiseHours: number;
  filter?: QueueFilter;
  /**
   * The topics whose day counts to show (the profile's, with the municipality's). Without it they are found by
   * reading the day's rows.
   */
  topicIds?: readonly string[];
  /** The part of the ranked queue to read in full: entries [offset, offset + limit). Default: all of it. */
  offset?: number;
  limit?: number;
}

export interface DayCount {
  dayStart: number;
  count: number;
}

export interface DigestData {
  dayStart: number;
  /** First seen on the chosen day / the day before. */
  dayCount: number;
  previousCount: number;
  /** The 7 days ending with the chosen day, oldest first. */
  trend: DayCount[];
  /** Chosen day, per topic (a mention with two topics counts for both) and per platform. */
  byTopic: Record<string, number>;
  byPlatform: Partial<Record<Platform, number>>;
  /** The asked-for page of the filtered queue, in working order. */
  queue: QueueEntry[];
  /** Entries in the whole filtered queue. */
  queueTotal: number;
  /** All open mentions (unfiltered), of which urgent, of which overdue. */
  open: number;
  urgentOpen: number;
  overdue: number;
  response: ResponseFigures;
  /** Open mentions first seen before this are overdue. */
  overdueBefore: number;
}

interface Frame {
  now: number;
  dayStart: number;
  dayEnd: number;
  trendStarts: number[];
  weekStart: number;
  wanted: readonly MentionStatus[];
  response: ResponseOptions;
  start: number;
  end: number;
}

function frameOf(q: DigestQuery): Frame {
  const now = q.now ?? Date.now();
  const dayStart = startOfBerlinDay(Math.min(q.day ?? now, now));
  const weekStart = startOfBerlinWeek(now);
  const promiseMs = Math.max(0, q.promiseHours) * HOUR_MS;
  const start = Math.max(0, q.offset ?? 0);
  return {
    now,
    dayStart,
    dayEnd: addBerlinDays(dayStart, 1),
    trendStarts: Array.from({ length: TREND_DAYS }, (_, i) => addBerlinDays(dayStart, i - (TREND_DAYS - 1))),
    weekStart,
    wanted: q.filter?.statuses?.length ? q.filter.statuses : OPEN,
    response: {
      weekStart,
      now,
      promiseMs,
      wt: q.wt,
      overdueBefore: workingCutoff(now, promiseMs, q.wt),
      overdueBeforeWeek: workingCutoff(weekStart, promiseMs, q.wt),
    },
    start,
    end: q.limit === undefined ? Number.POSITIVE_INFINITY : start + Math.max(0, q.limit),
  };
}

function countDay(db: LauscherDb, start: number): Promise<number> {
  return db.mentions.where('firstSeen').between(start, addBerlinDays(start, 1), true, false).count();
}

async function answeredSince(db: LauscherDb, weekStart: number): Promise<Mention[]> {
  // The v1 schema had no answeredAt index (a database still opening as v1 in an old tab).
  const rows = db.mentions.schema.idxByName.answeredAt
    ? await db.mentions.where('answeredAt').aboveOrEqual(weekStart).toArray()
    : await db.mentions
        .where('status')
        .equals('answered')
        .filter((m) => (m.answeredAt ?? -1) >= weekStart)
        .toArray();
  return rows.map((m) => readable(m));
}

function trendOf(f: Frame, earlier: number[], dayCount: number): DayCount[] {
  return f.trendStarts.map((s, i) => ({ dayStart: s, count: earlier[i] ?? dayCount }));
}

function dayFacets(rows: readonly Mention[]) {
  const byTopic: Record<string, number> = {};
  const byPlatform: Partial<Record<Platform, number>> = {};
  for (const m of rows) {
    for (const t of new Set(m.topicIds)) byTopic[t] = (byTopic[t] ?? 0) + 1;
    byPlatform[m.platform] = (byPlatform[m.platform] ?? 0) + 1;
  }
  return { byTopic, byPlatform };
}

// ---------------------------------------------------------------------------------------------------------------
// From the index

type Rows = Collection<Mention, number, InsertType<Mention, 'id'>>;

const KNOWN_FILTER_KEYS = new Set(['topicIds', 'platforms', 'statuses', 'search']);
const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;

/** True when the filter holds something only a row can answer: words to search, or a filter this file does not know. */
function needsRows(filter: QueueFilter): boolean {
  if (filter.search?.trim()) return true;
  return Object.entries(filter).some(
    ([k, v]) => !KNOWN_FILTER_KEYS.has(k) && v !== undefined && v !== '' && !isEmptyList(v),
  );
}

function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

async function idSet(ranges: Rows[]): Promise<Set<number>> {
  const parts = await Promise.all(ranges.map((r) => r.primaryKeys()));
  return new Set(parts.flat());
}

async function fromIndex(db: LauscherDb, q: DigestQuery, f: Frame): Promise<DigestData | null> {
  const keys = (s: KeyStatus, facet: Facet, value: string, from?: number, to?: number) =>
    db.mentions.where(DIGEST_KEYS).between(...digestRange(s, facet, value, from, to), true, false);
  const filter = q.filter ?? {};
  const { overdueBefore, overdueBeforeWeek } = f.response;

  const urgentIds = unique(q.urgentTopicIds);
  const byRows = needsRows(filter);
  const [urgentByTopic, topicSets, platformSets] = await Promise.all([
    // per open status, per urgent topic: its ids, oldest first
    Promise.all(OPEN.map((s) => Promise.all(urgentIds.map((u) => keys(s, 't', u).primaryKeys())))),
    filter.topicIds?.length
      ? Promise.all(f.wanted.map((s) => idSet(unique(filter.topicIds ?? []).map((t) => keys(s, 't', t)))))
      : undefined,
    filter.platforms?.length
      ? Promise.all(f.wanted.map((s) => idSet(unique(filter.platforms ?? []).map((p) => keys(s, 'p', p)))))
      : undefined,
  ]);
  const openUrgent = urgentByTopic.map((lists) => new Set(lists.flat()));
  const urgentOf = (s: MentionStatus) => openUrgent[OPEN.indexOf(s)] ?? new Set<number>();
  const urgentListsOf = (s: MentionStatus) => urgentByTopic[OPEN.indexOf(s)] ?? [];
  const narrowed = !!topicSets || !!platformSets || byRows;

  // Per status used: its count, and where the queue is narrowed (topic, platform, search) all its ids in index order
  // (oldest first), to be filtered and split into urgent and not.
  const checked = unique([...OPEN, ...f.wanted]);
  // An open status's range in three parts: overdue since before this week, overdue this week (the misses), in time.
  const cuts = [Number.NEGATIVE_INFINITY, Math.min(overdueBeforeWeek, overdueBefore), overdueBefore];
  const parts = (s: MentionStatus) =>
    Promise.all(cuts.map((from, i) => keys(s, '*', '', from, cuts[i + 1] ?? Number.POSITIVE_INFINITY).count()));
  const read = await Promise.all(
    checked.map(async (s) => {
      const wanted = f.wanted.indexOf(s);
      const open = OPEN.includes(s);
      if (wanted >= 0 && narrowed) {
        const [all, split] = await Promise.all([keys(s, '*', '').primaryKeys(), open ? parts(s) : undefined]);
        return { s, wanted, count: all.length, all, split };
      }
      if (open) {
        const split = await parts(s);
        return { s, wanted, count: split.reduce((a, b) => a + b, 0), all: undefined, split };
      }
      return { s, wanted, count: await keys(s, '*', '').count(), all: undefined, split: undefined };
    }),
  );
  // Every row of these statuses must be in the index, else the counts would miss some: then read rows instead.
  const byStatus = await Promise.all(checked.map((s) => db.mentions.where('status').equals(s).count()));
  if (byStatus.some((n, i) => n !== read[i]?.count)) return null;
  const countOf = (s: MentionStatus) => read[checked.indexOf(s)]?.count ?? 0;

  // Each list below is in working order; urgent ones rank before all others, so of the others only what is left of
  // the page after the urgent ones is needed.
  const urgentLists: number[][] = [];
  const otherLists: number[][] = [];
  const plain: MentionStatus[] = [];
  let total = 0;
  let urgentCount = 0;
  for (const r of read) {
    if (r.wanted < 0) continue;
    const u = urgentOf(r.s);
    if (!r.all) {
      // Not narrowed: the urgent topics' own ranges are the urgent lists; the others come from the status range.
      total += r.count;
      urgentCount += u.size;
      urgentLists.push(...urgentListsOf(r.s));
      plain.push(r.s);
      continue;
    }
    const i = r.wanted;
    const ids = r.all.filter((id) => (topicSets?.[i]?.has(id) ?? true) && (platformSets?.[i]?.has(id) ?? true));
    total += ids.length;
    const urgent = ids.filter((id) => u.has(id));
    urgentCount += urgent.length;
    urgentLists.push(urgent);
    otherLists.push(ids.filter((id) => !u.has(id)));
  }
  const need = Math.max(0, f.end - urgentCount);
  if (need > 0) {
    for (const s of plain) {
      // the first `need` that are not urgent lie within the first `need + urgent` of the status range
      const u = urgentOf(s);
      const head = keys(s, '*', '');
      const ids = await (Number.isFinite(need) ? head.limit(need + u.size) : head).primaryKeys();
      otherLists.push(ids.filter((id) => !u.has(id)));
    }
  }

  // Read what the page needs (everything, when rows have to be searched), rank it as the whole list would be.
  const take = unique(
    byRows
      ? [...urgentLists, ...otherLists].flat()
      : [...urgentLists.flatMap((l) => l.slice(0, f.end)), ...otherLists.flatMap((l) => l.slice(0, need))],
  );
  const rows = (await db.mentions.bulkGet(take)).filter((m): m is Mention => !!m).map((m) => readable(m, f.now));
  const ranked = rankQueue(rows, { ...filter, statuses: f.wanted }, { urgentTopicIds: urgentIds, overdueBefore });
  if (byRows) total = ranked.length;

  let overdue = 0;
  let missed = 0;
  for (const r of read) {
    const [before = 0, thisWeek = 0] = r.split ?? [];
    overdue += before + thisWeek;
    missed += thisWeek;
  }
  const [dayCount, earlier, answered, day] = await Promise.all([
    db.mentions.where('firstSeen').between(f.dayStart, f.dayEnd, true, false).count(),
    Promise.all(f.trendStarts.slice(0, -1).map((s) => countDay(db, s))),
    answeredSince(db, f.weekStart),
    dayFromIndex(q, f, keys),
  ]);
  const facets = day.counted === dayCount ? day : dayFacets(await dayRows(db, f));
  const trend = trendOf(f, earlier, dayCount);
  return {
    dayStart: f.dayStart,
    dayCount,
    previousCount: trend[TREND_DAYS - 2]?.count ?? 0,
    trend,
    byTopic: facets.byTopic,
    byPlatform: facets.byPlatform,
    queue: ranked.slice(f.start, f.end),
    queueTotal: total,
    open: OPEN.reduce((n, s) => n + countOf(s), 0),
    urgentOpen: openUrgent.reduce((n, x) => n + x.size, 0),
    overdue,
    response: answerFigures(answered, missed, f.response),
    overdueBefore,
  };
}

/** The chosen day's counts per topic and platform, from the index; `counted` is how many of the day's rows it holds. */
async function dayFromIndex(
  q: DigestQuery,
  f: Frame,
  keys: (s: KeyStatus, facet: Facet, value: string, from?: number, to?: number) => Rows,
) {
  const sum = (facet: Facet, value: string) => keys(ANY_STATUS, facet, value, f.dayStart, f.dayEnd).count();
  const byTopic: Record<string, number> = {};
  const byPlatform: Partial<Record<Platform, number>> = {};
  if (!q.topicIds) return { counted: Number.NaN, byTopic, byPlatform };
  const [topics, platforms] = await Promise.all([
    Promise.all(unique(q.topicIds).map(async (t) => [t, await sum('t', t)] as const)),
    Promise.all(PLATFORMS.map(async (p) => [p, await sum('p', p)] as const)),
  ]);
  for (const [t, n] of topics) if (n > 0) byTopic[t] = n;
  for (const [p, n] of platforms) if (n > 0) byPlatform[p] = n;
  // Every row in the index has one platform key: their sum is the day's rows the index holds.
  const counted = platforms.reduce((a, [, n]) => a + n, 0);
  return { counted, byTopic, byPlatform };
}

// ---------------------------------------------------------------------------------------------------------------
// From the rows (the way before the digest index, and the fallback)

/**
 * Rows with any of these statuses: one `equals` range per status. `anyOf` is as fast in browsers, but fake-indexeddb
 * (tests, bench) walks the whole index for every step of an `anyOf` cursor.
 */
async function withStatuses(db: LauscherDb, statuses: readonly MentionStatus[]): Promise<Mention[]> {
  const parts = await Promise.all(statuses.map((s) => db.mentions.where('status').equals(s).toArray()));
  // A row stored badly (an older version, a hand-edited import) is read as "ungültiges Datum", never thrown on.
  return parts.flat().map((m) => readable(m));
}

function dayRows(db: LauscherDb, f: Frame): Promise<Mention[]> {
  return db.mentions
    .where('firstSeen')
    .between(f.dayStart, f.dayEnd, true, false)
    .toArray()
    .then((rows) => rows.map((m) => readable(m, f.now)));
}

/** The same digest computed from the rows themselves: every open row (and every row of a wanted status) is read. */
export async function loadDigestByRows(db: LauscherDb, q: DigestQuery): Promise<DigestData> {
  const f = frameOf(q);
  const { overdueBefore } = f.response;
  const extra = f.wanted.filter((s) => !OPEN.includes(s));
  const [day, trendCounts, openRows, extraRows, answered] = await Promise.all([
    dayRows(db, f),
    Promise.all(f.trendStarts.slice(0, -1).map((s) => countDay(db, s))),
    withStatuses(db, OPEN),
    withStatuses(db, extra),
    answeredSince(db, f.weekStart),
  ]);

  const urgentIds = new Set(q.urgentTopicIds);
  let urgentOpen = 0;
  let overdue = 0;
  for (const m of openRows) {
    if (m.topicIds.some((t) => urgentIds.has(t))) urgentOpen += 1;
    if (m.firstSeen < overdueBefore) overdue += 1;
  }
  const trend = trendOf(f, trendCounts, day.length);
  const source = OPEN.some((s) => f.wanted.includes(s)) ? [...openRows, ...extraRows] : extraRows;
  const ranked = rankQueue(
    source,
    { ...q.filter, statuses: f.wanted },
    { urgentTopicIds: q.urgentTopicIds, overdueBefore },
  );
  const facets = dayFacets(day);
  const byTopic = q.topicIds
    ? Object.fromEntries(Object.entries(facets.byTopic).filter(([t]) => q.topicIds?.includes(t)))
    : facets.byTopic;

  return {
    dayStart: f.dayStart,
    dayCount: day.length,
    previousCount: trend[TREND_DAYS - 2]?.count ?? 0,
    trend,
    byTopic,
    byPlatform: facets.byPlatform,
    queue: ranked.slice(f.start, f.end),
    queueTotal: ranked.length,
    open: openRows.length,
    urgentOpen,
    overdue,
    response: responseFigures(answered, openRows, f.response),
    overdueBefore,
  };
}

export async function loadDigest(db: LauscherDb, q: DigestQuery): Promise<DigestData> {
  // One read transaction: the counts and the page describe the same moment.
  return db.transaction('r', db.mentions, async () => {
    const f = frameOf(q);
    if (db.mentions.schema.idxByName[DIGEST_KEYS]) {
      const fast = await fromIndex(db, q, f);
      if (fast) return fast;
    }
    return loadDigestByRows(db, q);
  });
}
