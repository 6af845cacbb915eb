// The popup's digest query: day counts and trend for the chosen Berlin day, the whole filtered queue and this
// week's response figures. Reads index ranges only: day counts from `firstSeen`, the queue from `status`, answers
// from `answeredAt` where the schema indexes it (else the answered rows through `status`).
import type { LauscherDb } from '../db';
import { readable } from '../mentions';
import type { Mention, MentionStatus, Platform } from '../model';
import { HOUR_MS, type WorkingTime, workingCutoff } from '../working-hours';
import { addBerlinDays, startOfBerlinDay, startOfBerlinWeek } from './berlin';
import { OPEN, type QueueEntry, type QueueFilter, rankQueue } from './queue';
import { type ResponseFigures, responseFigures } from './response';

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
  /** The filtered queue in working order. */
  queue: QueueEntry[];
  /** All open mentions (unfiltered), of which urgent, of which overdue. */
  open: number;
  urgentOpen: number;
  overdue: number;
  response: ResponseFigures;
  /** Open mentions first seen before this are overdue. */
  overdueBefore: number;
}

function countDay(db: LauscherDb, start: number): Promise<number> {
  return db.mentions.where('firstSeen').between(start, addBerlinDays(start, 1), true, false).count();
}

/**
 * Rows with any of these statuses: one `equals` range per status. `anyOf` is as fast in browsers, but fake-indexeddb
 * (tests, bench) walks the whole index for every step of an `anyOf` cursor.
 */
async function withStatuses(db: LauscherDb, statuses: readonly MentionStatus[]): Promise<Mention[]> {
  const parts = await Promise.all(statuses.map((s) => db.mentions.where('status').equals(s).toArray()));
  // A row stored badly (an older version, a hand-edited import) is read as "ungültiges Datum", never thrown on.
  return parts.flat().map((m) => readable(m));
}

async function answeredSince(db: LauscherDb, weekStart: number): Promise<Mention[]> {
  // Issue 14's schema may index answeredAt; the v1 schema does not.
  const rows = db.mentions.schema.idxByName.answeredAt
    ? await db.mentions.where('answeredAt').aboveOrEqual(weekStart).toArray()
    : await db.mentions
        .where('status')
        .equals('answered')
        .filter((m) => (m.answeredAt ?? -1) >= weekStart)
        .toArray();
  return rows.map((m) => readable(m));
}

export async function loadDigest(db: LauscherDb, q: DigestQuery): Promise<DigestData> {
  const now = q.now ?? Date.now();
  const dayStart = startOfBerlinDay(Math.min(q.day ?? now, now));
  const trendStarts = Array.from({ length: TREND_DAYS }, (_, i) => addBerlinDays(dayStart, i - (TREND_DAYS - 1)));
  const weekStart = startOfBerlinWeek(now);
  const promiseMs = Math.max(0, q.promiseHours) * HOUR_MS;
  const overdueBefore = workingCutoff(now, promiseMs, q.wt);
  const overdueBeforeWeek = workingCutoff(weekStart, promiseMs, q.wt);
  const wanted = q.filter?.statuses?.length ? q.filter.statuses : OPEN;
  const extra = wanted.filter((s) => !OPEN.includes(s));

  const [dayRows, trendCounts, openRows, extraRows, answered] = await Promise.all([
    db.mentions
      .where('firstSeen')
      .between(dayStart, addBerlinDays(dayStart, 1), true, false)
      .toArray()
      .then((rows) => rows.map((m) => readable(m, now))),
    Promise.all(trendStarts.slice(0, -1).map((s) => countDay(db, s))),
    withStatuses(db, OPEN),
    withStatuses(db, extra),
    answeredSince(db, weekStart),
  ]);

  const byTopic: Record<string, number> = {};
  const byPlatform: Partial<Record<Platform, number>> = {};
  for (const m of dayRows) {
    for (const t of m.topicIds) byTopic[t] = (byTopic[t] ?? 0) + 1;
    byPlatform[m.platform] = (byPlatform[m.platform] ?? 0) + 1;
  }
  const urgentIds = new Set(q.urgentTopicIds);
  let urgentOpen = 0;
  let overdue = 0;
  for (const m of openRows) {
    if (m.topicIds.some((t) => urgentIds.has(t))) urgentOpen += 1;
    if (m.firstSeen < overdueBefore) overdue += 1;
  }
  const trend = trendStarts.map((s, i) => ({ dayStart: s, count: trendCounts[i] ?? dayRows.length }));
  const source = OPEN.some((s) => wanted.includes(s as MentionStatus)) ? [...openRows, ...extraRows] : extraRows;

  return {
    dayStart,
    dayCount: dayRows.length,
    previousCount: trend[TREND_DAYS - 2]?.count ?? 0,
    trend,
    byTopic,
    byPlatform,
    queue: rankQueue(source, { ...q.filter, statuses: wanted }, { urgentTopicIds: q.urgentTopicIds, overdueBefore }),
    open: openRows.length,
    urgentOpen,
    overdue,
    response: responseFigures(answered, openRows, {
      weekStart,
      now,
      promiseMs,
      wt: q.wt,
      overdueBefore,
      overdueBeforeWeek,
    }),
    overdueBefore,
  };
}
