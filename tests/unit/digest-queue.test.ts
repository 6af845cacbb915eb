import { afterEach, describe, expect, it } from 'vitest';
import { berlinInstant } from '../../utils/digest/berlin';
import { loadDigest } from '../../utils/digest/load';
import { fold, rankQueue } from '../../utils/digest/queue';
import { relativeTime } from '../../utils/digest/relative';
import { responseFigures } from '../../utils/digest/response';
import { change, signed, sparklinePoints } from '../../utils/digest/trend';
import { setStatus } from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import type { OfficeHours } from '../../utils/settings';
import type { WorkingTime } from '../../utils/working-hours';
import { freshDb, row } from './mentions-helpers';

const H = 3_600_000;
const B = berlinInstant;
const OFFICE: OfficeHours = { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' };
const WT: WorkingTime = { hours: OFFICE, holidays: [] };
let id = 0;
const m = (over: Partial<Mention>): Mention => ({ ...row(`k${++id}`, over), id, ...over }) as Mention;

describe('queue order and filters', () => {
  const now = B(2026, 12, 1, 10);
  const overdueBefore = B(2026, 11, 27, 10); // 24 working hours before Tue 10:00
  const rows = [
    m({ id: 1, firstSeen: B(2026, 12, 1, 9), topicIds: ['bau'], snippet: 'Baustelle Hauptstraße' }),
    m({ id: 2, firstSeen: B(2026, 11, 30, 9), topicIds: ['unwetter'], snippet: 'Hochwasser am Ufer' }),
    m({ id: 3, firstSeen: B(2026, 11, 20, 9), topicIds: ['bau'], snippet: 'Straßensperrung seit Wochen' }),
    m({ id: 4, firstSeen: B(2026, 11, 25, 9), topicIds: ['unwetter'], snippet: 'Überschwemmung im Keller' }),
    m({ id: 5, firstSeen: B(2026, 11, 29, 9), topicIds: ['bau'], status: 'seen', platform: 'x' }),
    m({ id: 6, firstSeen: B(2026, 11, 10, 9), topicIds: ['bau'], status: 'answered' }),
    m({ id: 7, firstSeen: B(2026, 11, 11, 9), topicIds: ['unwetter'], status: 'ignored' }),
  ];
  const opts = { urgentTopicIds: ['unwetter'], overdueBefore };

  it('urgent first, overdue first within each urgency, then the longest waiting', () => {
    const q = rankQueue(rows, {}, opts);
    expect(q.map((e) => e.mention.id)).toEqual([4, 2, 3, 5, 1]);
    expect(q.map((e) => e.overdue)).toEqual([true, false, true, false, false]);
    expect(q.map((e) => e.urgent)).toEqual([true, true, false, false, false]);
    expect(now).toBeGreaterThan(overdueBefore);
  });

  it('filters by topic, platform and status, and searches snippets ignoring case and accents', () => {
    expect(rankQueue(rows, { topicIds: ['bau'] }, opts).map((e) => e.mention.id)).toEqual([3, 5, 1]);
    expect(rankQueue(rows, { platforms: ['x'] }, opts).map((e) => e.mention.id)).toEqual([5]);
    expect(rankQueue(rows, { statuses: ['answered', 'ignored'] }, opts).map((e) => e.mention.id)).toEqual([6, 7]);
    expect(rankQueue(rows, { search: 'STRASSE' }, opts).map((e) => e.mention.id)).toEqual([3, 1]);
    expect(rankQueue(rows, { search: 'uberschwemmung keller' }, opts).map((e) => e.mention.id)).toEqual([4]);
    expect(rankQueue(rows, { search: 'hochwasser keller' }, opts)).toEqual([]);
    expect(fold('Straße Übergang')).toBe('strasse ubergang');
  });
});

describe('change, sparkline, relative time', () => {
  it('today against yesterday', () => {
    expect(change(14, 10)).toEqual({ diff: 4, percent: 40 });
    expect(change(3, 0)).toEqual({ diff: 3 });
    expect(signed(4)).toBe('+4');
    expect(signed(-2)).toBe('−2');
    expect(signed(0)).toBe('±0');
  });

  it('sparkline points scale to the box, the largest value at the top', () => {
    expect(sparklinePoints([0, 5, 10], 102, 22)).toBe('1.0,21.0 51.0,11.0 101.0,1.0');
    expect(sparklinePoints([0, 0], 10, 10)).toBe('1.0,9.0 9.0,9.0');
    expect(sparklinePoints([], 10, 10)).toBe('');
  });

  it('"vor 12 Min." in German, "12 min ago" in English', () => {
    const now = Date.UTC(2026, 11, 1, 8);
    expect(relativeTime(now - 12 * 60_000, now)).toBe('vor 12 Min.');
    expect(relativeTime(now - 3 * H, now)).toBe('vor 3 Std.');
    expect(relativeTime(now - 26 * H, now)).toBe('gestern');
    expect(relativeTime(now - 12 * 60_000, now, 'en')).toBe('12 min ago');
  });
});

describe('response figures', () => {
  const weekStart = B(2026, 11, 30);
  const now = B(2026, 12, 2, 12);
  const base = {
    weekStart,
    now,
    promiseMs: 24 * H,
    wt: WT,
    overdueBefore: B(2026, 11, 27, 12),
    overdueBeforeWeek: B(2026, 11, 25),
  };

  it('median working time to first answer, and the share within the promise', () => {
    const answered = [
      // Mon 9:00 → Mon 11:00: 2 h
      m({ firstSeen: B(2026, 11, 30, 9), answeredAt: B(2026, 11, 30, 11), status: 'answered' }),
      // Fri 15:00 → Mon 9:00: 2 h of working time over a weekend of 66 hours
      m({ firstSeen: B(2026, 11, 27, 15), answeredAt: B(2026, 11, 30, 9), status: 'answered' }),
      // Tue 20 Nov → Mon 30 Nov 10:00: far over the promise
      m({ firstSeen: B(2026, 11, 20, 9), answeredAt: B(2026, 11, 30, 10), status: 'answered' }),
      // answered last week: not this week's figure
      m({ firstSeen: B(2026, 11, 23, 9), answeredAt: B(2026, 11, 24, 9), status: 'answered' }),
    ];
    const open = [
      // deadline fell this week, still open: a miss
      m({ firstSeen: B(2026, 11, 26, 9) }),
      // overdue since before this week: last week's miss, not this week's
      m({ firstSeen: B(2026, 11, 10, 9) }),
      // still within the promise
      m({ firstSeen: B(2026, 12, 2, 9) }),
    ];
    const f = responseFigures(answered, open, base);
    expect(f.answered).toBe(3);
    expect(f.medianMs).toBe(2 * H);
    expect(f.within).toBe(2);
    expect(f.missed).toBe(1);
    expect(f.withinShare).toBe(0.5);
  });

  it('an answer whose times were stored badly is no response time (it would count as answered at once)', () => {
    const good = m({ firstSeen: B(2026, 11, 30, 9), answeredAt: B(2026, 11, 30, 13), status: 'answered' });
    const f = responseFigures(
      [
        good,
        m({ firstSeen: Number.NaN, answeredAt: B(2026, 11, 30, 10), status: 'answered' }),
        m({ firstSeen: B(2026, 11, 30, 9), answeredAt: Number.NaN, status: 'answered' }),
      ],
      [],
      base,
    );
    expect(f.answered).toBe(1);
    expect(f.medianMs).toBe(4 * H);
  });

  it('no answers and no misses: no figures', () => {
    const f = responseFigures([], [], base);
    expect(f.medianMs).toBeUndefined();
    expect(f.withinShare).toBeUndefined();
  });
});

describe('loadDigest on IndexedDB (v1 schema)', () => {
  const dbs: ReturnType<typeof freshDb>[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
  });

  it('counts Berlin days across the autumn change, lists every open mention, reads answers', async () => {
    const db = freshDb();
    dbs.push(db);
    // Sunday 25 Oct 2026 has 25 hours: 23:30 Berlin that day is 22:30 UTC.
    const now = B(2026, 10, 26, 10); // Monday
    const rows = [
      row('a', { firstSeen: B(2026, 10, 25, 0, 10) }), // Sunday, just after midnight
      row('b', { firstSeen: B(2026, 10, 25, 23, 30), topicIds: ['unwetter'] }), // Sunday, late
      row('c', { firstSeen: B(2026, 10, 26, 0, 5), topicIds: ['unwetter', 'bau'] }), // Monday
      row('d', { firstSeen: B(2026, 10, 26, 9), platform: 'x', status: 'seen' }),
      row('e', { firstSeen: B(2026, 10, 20, 9), status: 'answered', answeredAt: B(2026, 10, 26, 9) }),
      row('f', { firstSeen: B(2026, 10, 19, 9), status: 'ignored' }),
      row('g', { firstSeen: B(2026, 10, 14, 9) }), // old and open: overdue
    ];
    await db.mentions.bulkAdd(rows as Mention[]);
    const q = { now, urgentTopicIds: ['unwetter'], wt: WT, promiseHours: 24 };
    const d = await loadDigest(db, q);
    expect(d.dayCount).toBe(2);
    expect(d.previousCount).toBe(2);
    expect(d.trend.map((x) => x.count)).toEqual([1, 0, 0, 0, 0, 2, 2]);
    expect(d.byTopic).toEqual({ unwetter: 1, bau: 1, verkehr: 1 });
    expect(d.byPlatform).toEqual({ facebook: 1, x: 1 });
    expect(d.open).toBe(5);
    expect(d.urgentOpen).toBe(2);
    expect(d.overdue).toBe(1);
    expect(d.queue.map((e) => e.mention.mentionKey)).toEqual(['b', 'c', 'g', 'a', 'd']);
    expect(d.response.answered).toBe(1);
    // Tue 20 Oct 9:00 → Mon 26 Oct 9:00: Tue 7 h + Wed–Fri 24 h + Mon 1 h
    expect(d.response.medianMs).toBe(32 * H);

    // The day before, through the date switcher: Sunday against Saturday.
    const sunday = await loadDigest(db, { ...q, day: B(2026, 10, 25, 12) });
    expect(sunday.dayCount).toBe(2);
    expect(sunday.previousCount).toBe(0);
    // Filters and other statuses.
    const answeredToo = await loadDigest(db, { ...q, filter: { statuses: ['answered'] } });
    expect(answeredToo.queue.map((e) => e.mention.mentionKey)).toEqual(['e']);
    const search = await loadDigest(db, { ...q, filter: { search: 'textauszug d' } });
    expect(search.queue.map((e) => e.mention.mentionKey)).toEqual(['d']);
  });

  it('setStatus records the first answer only', async () => {
    const db = freshDb();
    dbs.push(db);
    const key = await db.mentions.add(row('x') as Mention);
    await setStatus(db, key, 'answered', { now: 1000 });
    await setStatus(db, key, 'seen', { now: 2000 });
    await setStatus(db, key, 'answered', { now: 3000 });
    const r = await db.mentions.get(key);
    expect(r?.answeredAt).toBe(1000);
    expect(r?.statusChangedAt).toBe(3000);
    await setStatus(db, key, 'ignored', { now: 4000 });
    expect((await db.mentions.get(key))?.answeredAt).toBe(1000);
  });
});
