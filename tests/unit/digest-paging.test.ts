// The digest from its index (utils/digest/index-keys.ts, utils/digest/load.ts) against the digest from the rows:
// the same counts and, for every page, exactly the slice of the whole ranked queue; only the page is read in full.
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type LauscherDb, SCHEMA_VERSIONS } from '../../utils/db';
import { berlinInstant } from '../../utils/digest/berlin';
import { digestKeysOf } from '../../utils/digest/index-keys';
import { type DigestQuery, loadDigest, loadDigestByRows } from '../../utils/digest/load';
import { type QueueFilter, rankQueue } from '../../utils/digest/queue';
import { readable, setStatus } from '../../utils/mentions';
import { MENTION_STATUSES, type Mention, PLATFORMS } from '../../utils/model';
import type { WorkingTime } from '../../utils/working-hours';
import { mulberry32 } from '../seeded-random';
import { row } from './mentions-helpers';

const H = 3_600_000;
const NOW = berlinInstant(2026, 11, 24, 11); // a Tuesday
const WT: WorkingTime = { hours: { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' }, holidays: [] };
const TOPICS = ['verkehr', 'bau', 'abfall', 'unwetter', 'kita'];
const WORDS = ['Baustelle', 'Hochwasser', 'Kita', 'Müllabfuhr', 'Straße'];

/** Counts the rows each query hands back in full (values), through a middleware on this database only. */
function counting(db: LauscherDb) {
  const seen = { rows: 0 };
  const mw: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'TestRowCounter',
    level: 0,
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        const add = (k: number) => {
          seen.rows += k;
        };
        return {
          ...t,
          get: (req) =>
            t.get(req).then((v) => {
              add(v ? 1 : 0);
              return v;
            }),
          getMany: (req) =>
            t.getMany(req).then((vs) => {
              add(vs.filter(Boolean).length);
              return vs;
            }),
          query: (req) =>
            t.query(req).then((r) => {
              add(req.values ? r.result.length : 0);
              return r;
            }),
        };
      },
    }),
  };
  db.use(mw);
  return seen;
}

let n = 0;
const dbs: Dexie[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
function fresh(): LauscherDb {
  const db = createDb(`digest-paging-${++n}-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** A random log of `count` rows over 20 days: every status, repeated topics, equal first-seen times (ties). */
function randomRows(count: number, seed: number): Omit<Mention, 'id'>[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    // Minutes, so that some mentions share their first-seen instant.
    const firstSeen = NOW - Math.floor(rnd() * 20 * 24 * 60) * 60_000;
    const status = pick(['new', 'new', 'seen', 'answered', 'ignored'] as const);
    const topicIds = [pick(TOPICS), ...(rnd() < 0.3 ? [pick(TOPICS)] : [])];
    return row(`k${i}`, {
      firstSeen,
      lastSeen: firstSeen,
      status,
      topicIds,
      platform: pick(PLATFORMS),
      snippet: `${pick(WORDS)} und ${pick(WORDS)} in Musterstadt (${i})`,
      ...(status === 'answered' ? { answeredAt: Math.min(NOW, firstSeen + Math.floor(rnd() * 60) * H) } : {}),
    });
  });
}

const base: DigestQuery = {
  now: NOW,
  urgentTopicIds: ['unwetter'],
  wt: WT,
  promiseHours: 24,
  topicIds: TOPICS,
};

const FILTERS: QueueFilter[] = [
  {},
  { topicIds: ['bau'] },
  { topicIds: ['unwetter', 'kita'] },
  { platforms: ['facebook', 'x'] },
  { topicIds: ['verkehr'], platforms: ['reddit'] },
  { statuses: ['answered'] },
  { statuses: ['seen', 'answered'] },
  { statuses: ['ignored'], topicIds: ['unwetter'] },
  { search: 'hochwasser' },
  { search: 'strasse kita', statuses: ['new', 'ignored'] },
];

describe('the digest from its index', () => {
  it('gives the same figures and, page by page, exactly the slices of the whole ranked queue', async () => {
    const db = fresh();
    await db.mentions.bulkAdd(randomRows(700, 15) as Mention[]);
    const all = (await db.mentions.toArray()).map((m) => readable(m, NOW));
    const seen = counting(db);
    for (const filter of FILTERS) {
      seen.rows = 0;
      await loadDigest(db, { ...base, filter, limit: 50 });
      // from the index (a search reads what it searches)
      if (!filter.search) expect(seen.rows, JSON.stringify(filter)).toBeLessThan(300);
      const full = await loadDigestByRows(db, { ...base, filter });
      expect(full.queueTotal, JSON.stringify(filter)).toBe(full.queue.length);
      for (const offset of [0, 50, 100, 250]) {
        const page = await loadDigest(db, { ...base, filter, offset, limit: 50 });
        const label = `${JSON.stringify(filter)} @${offset}`;
        expect(page.queue, label).toEqual(full.queue.slice(offset, offset + 50));
        expect({ ...page, queue: [] }, label).toEqual({ ...full, queue: [] });
      }
      // The pure ranking of every row agrees too (the page at offset 50 is its slice 50–100).
      const ranked = rankQueue(all, filter, { urgentTopicIds: ['unwetter'], overdueBefore: full.overdueBefore });
      const page2 = await loadDigest(db, { ...base, filter, offset: 50, limit: 50 });
      expect(page2.queue.map((e) => e.mention.id)).toEqual(ranked.slice(50, 100).map((e) => e.mention.id));
      expect(page2.queueTotal).toBe(ranked.length);
    }
  });

  it('with two urgent topics (some mentions in both) too', async () => {
    const db = fresh();
    await db.mentions.bulkAdd(randomRows(700, 20) as Mention[]);
    const q = { ...base, urgentTopicIds: ['unwetter', 'kita'] };
    for (const filter of FILTERS) {
      const full = await loadDigestByRows(db, { ...q, filter });
      for (const offset of [0, 50, 200]) {
        const page = await loadDigest(db, { ...q, filter, offset, limit: 50 });
        const label = `${JSON.stringify(filter)} @${offset}`;
        expect(page.queue, label).toEqual(full.queue.slice(offset, offset + 50));
        expect({ ...page, queue: [] }, label).toEqual({ ...full, queue: [] });
      }
    }
  });

  it('some queues are long enough to page, urgent ones come first, overdue first within their urgency', async () => {
    const db = fresh();
    await db.mentions.bulkAdd(randomRows(700, 16) as Mention[]);
    const d = await loadDigest(db, { ...base, limit: 400 });
    expect(d.queueTotal).toBeGreaterThan(250);
    expect(d.urgentOpen).toBeGreaterThan(0);
    expect(d.overdue).toBeGreaterThan(0);
    const rank = d.queue.map((e) => Number(!e.urgent) * 2 + Number(!e.overdue));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
  });

  it('follows status changes, new rows and deletions', async () => {
    const db = fresh();
    await db.mentions.bulkAdd(randomRows(300, 17) as Mention[]);
    const first = await loadDigest(db, { ...base, limit: 50 });
    for (const e of first.queue.slice(0, 10)) await setStatus(db, e.mention.id, 'answered', { now: NOW });
    await db.mentions.bulkUpdate(
      first.queue.slice(10, 15).map((e) => ({ key: e.mention.id, changes: { status: 'ignored' } })),
    );
    await db.mentions
      .where('id')
      .below(20)
      .modify({ topicIds: ['unwetter'] });
    await db.mentions.bulkDelete(first.queue.slice(15, 20).map((e) => e.mention.id));
    await db.mentions.add(row('spaet', { firstSeen: NOW - 30 * 24 * H, topicIds: ['unwetter'] }) as Mention);
    for (const filter of FILTERS) {
      const full = await loadDigestByRows(db, { ...base, filter });
      expect(await loadDigest(db, { ...base, filter })).toEqual(full);
      expect((await loadDigest(db, { ...base, filter, offset: 10, limit: 20 })).queue).toEqual(
        full.queue.slice(10, 30),
      );
    }
    const after = await loadDigest(db, { ...base, limit: 1 });
    expect(after.queue[0]?.mention.mentionKey).toBe('spaet'); // urgent and the longest waiting
    expect(after.open).toBe(first.open - 20 + 1);
  });

  it('reads in full only the rows of the page (and this week’s answers), not the whole queue', async () => {
    const db = fresh();
    const rows = randomRows(3000, 18);
    await db.mentions.bulkAdd(rows as Mention[]);
    const seen = counting(db);
    const d = await loadDigest(db, { ...base, limit: 50 });
    const weekAnswers = d.response.answered;
    expect(d.open).toBeGreaterThan(1500);
    expect(d.queue).toHaveLength(50);
    // at most 50 from each of the four lists (new / seen × urgent / not) and the week's answers
    expect(seen.rows).toBeLessThanOrEqual(4 * 50 + weekAnswers);
    // a search has to read the rows it searches, and only those
    seen.rows = 0;
    const s = await loadDigest(db, { ...base, filter: { search: 'hochwasser', topicIds: ['kita'] }, limit: 50 });
    const kitaOpen = rows.filter((r) => ['new', 'seen'].includes(r.status) && r.topicIds.includes('kita')).length;
    expect(seen.rows).toBeLessThanOrEqual(kitaOpen + weekAnswers);
    expect(s.queueTotal).toBe(
      (await loadDigestByRows(db, { ...base, filter: { search: 'hochwasser', topicIds: ['kita'] } })).queueTotal,
    );
  });

  it('falls back to reading rows when some were stored without index keys, and still counts them', async () => {
    const db = fresh();
    await db.mentions.bulkAdd(randomRows(200, 19) as Mention[]);
    db.close();
    // The same database opened as plain Dexie (no middleware), as a foreign writer or an e2e seed would write it.
    const raw = new Dexie(db.name);
    for (const { version, stores } of SCHEMA_VERSIONS) raw.version(version).stores(stores);
    await raw.table('mentions').add(row('roh', { firstSeen: NOW - 2 * H }));
    await raw.table('mentions').add(row('kaputt', { firstSeen: Number.NaN as number }));
    raw.close();
    const again = createDb(db.name);
    dbs.push(again);
    const full = await loadDigestByRows(again, base);
    const d = await loadDigest(again, base);
    expect(d).toEqual(full);
    expect(d.queue.some((e) => e.mention.mentionKey === 'roh')).toBe(true);
    expect(d.queue.some((e) => e.mention.mentionKey === 'kaputt')).toBe(true);
  });

  it('derives keys per status, topic (once) and platform, none for a row it cannot place', () => {
    const t = NOW;
    expect(digestKeysOf({ status: 'new', firstSeen: t, topicIds: ['bau', 'bau', 3], platform: 'x' })).toEqual([
      ['new', t],
      ['new', 'tbau', t],
      ['*', 'tbau', t],
      ['new', 'px', t],
      ['*', 'px', t],
    ]);
    expect(digestKeysOf({ status: 'weg', firstSeen: t })).toEqual([]);
    expect(digestKeysOf({ status: 'new', firstSeen: '2026-11-24' })).toEqual([]);
    for (const s of MENTION_STATUSES) expect(digestKeysOf({ status: s, firstSeen: t })).toHaveLength(1);
  });

  it('never shows the index keys to readers', async () => {
    const db = fresh();
    const id = await db.mentions.add(row('a') as Mention);
    expect(await db.mentions.get(id)).not.toHaveProperty('digestKeys');
    expect((await db.mentions.toArray())[0]).not.toHaveProperty('digestKeys');
    await db.mentions.each((m) => expect(m).not.toHaveProperty('digestKeys'));
  });
});
