import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import {
  addLocalDays,
  applyAuthorMode,
  clampRetentionDays,
  countToday,
  createWriteQueue,
  deleteAll,
  digest,
  getMention,
  listMentions,
  markSeen,
  matchesFilter,
  NOTE_MAX,
  pseudonymise,
  purgeOlderThan,
  recordMentions,
  retentionCutoff,
  SNIPPET_MAX,
  setNote,
  setStatus,
  startOfLocalDay,
  truncateSnippet,
} from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import { freshDb, input, local, row } from './mentions-helpers';

const KEY = '00112233445566778899aabbccddeeff';
const plain = { authorMode: 'plain', pseudonymKey: KEY } as const;

let db: LauscherDb;
afterEach(() => {
  db?.close();
  vi.useRealTimers();
});

describe('local days', () => {
  it('starts a day at local midnight and moves by calendar days', () => {
    const t = local(2025, 11, 25, 15, 30);
    expect(startOfLocalDay(t)).toBe(local(2025, 11, 25, 0));
    expect(addLocalDays(startOfLocalDay(t), -1)).toBe(local(2025, 11, 24, 0));
    // across the end of daylight saving time (26 Oct 2025 in Germany)
    expect(addLocalDays(local(2025, 10, 27, 0), -1)).toBe(local(2025, 10, 26, 0));
  });

  it('keeps retention within 7–365 days and never cuts into today', () => {
    expect(clampRetentionDays(3)).toBe(7);
    expect(clampRetentionDays(1000)).toBe(365);
    expect(clampRetentionDays(Number.NaN)).toBe(90);
    const now = local(2025, 11, 25, 10);
    expect(retentionCutoff(90, now)).toBe(addLocalDays(local(2025, 11, 25, 0), -90));
    expect(retentionCutoff(0, now)).toBeLessThanOrEqual(startOfLocalDay(now));
  });
});

describe('privacy', () => {
  it('pseudonymises stably per team key as "Person XXXX"', async () => {
    const a = await pseudonymise('Erika Mustermann', KEY);
    expect(a).toMatch(/^Person [0-9A-F]{4}$/);
    expect(await pseudonymise('  erika   MUSTERMANN ', KEY)).toBe(a);
    expect(await pseudonymise('Erika Mustermann', KEY)).toBe(a);
    const others = await Promise.all(['s1', 's2', 's3', 's4'].map((s) => pseudonymise('Erika Mustermann', s)));
    expect(new Set([a, ...others]).size).toBeGreaterThan(1);
    expect(await pseudonymise('   ', KEY)).toBe('');
  });

  it('applies the three author modes', async () => {
    expect(await applyAuthorMode(' Max  Müller ', 'plain', KEY)).toBe('Max Müller');
    expect(await applyAuthorMode('Max Müller', 'none', KEY)).toBe('');
    expect(await applyAuthorMode('Max Müller', 'pseudonym', KEY)).toBe(await pseudonymise('Max Müller', KEY));
    expect(await applyAuthorMode('Person 0A1B', 'pseudonym', KEY)).toBe('Person 0A1B');
  });

  it('truncates snippets to 500 characters without splitting a surrogate pair', () => {
    expect(truncateSnippet('  kurz  ')).toBe('kurz');
    const long = 'ä'.repeat(600);
    expect(truncateSnippet(long)).toHaveLength(SNIPPET_MAX);
    expect(truncateSnippet(long).endsWith('…')).toBe(true);
    const emoji = `${'a'.repeat(498)}😀😀`;
    const cut = truncateSnippet(emoji);
    expect(cut.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(cut).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('recordMentions', () => {
  it('adds new mentions with defaults', async () => {
    db = freshDb();
    const now = local(2025, 11, 25, 9);
    const r = await recordMentions(db, [input('a', { time: '2025-11-25T08:00:00Z' }), input('b')], { ...plain, now });
    expect(r).toEqual({ added: 2, updated: 0, skipped: 0, ignoredKeys: [] });
    const a = await db.mentions.where('mentionKey').equals('a').first();
    expect(a).toMatchObject({
      firstSeen: now,
      lastSeen: now,
      seenCount: 1,
      status: 'new',
      statusChangedAt: now,
      note: '',
      author: 'Erika Mustermann',
      time: '2025-11-25T08:00:00Z',
    });
    expect(a).not.toHaveProperty('authorUrl');
  });

  it('deduplicates within a batch and across batches, merging terms and topics', async () => {
    db = freshDb();
    const t1 = local(2025, 11, 25, 9);
    const t2 = local(2025, 11, 25, 11);
    const r1 = await recordMentions(
      db,
      [input('a'), input('a', { terms: ['Umleitung'], topicIds: ['bau'] }), input('b')],
      { ...plain, now: t1 },
    );
    expect(r1).toEqual({ added: 2, updated: 0, skipped: 0, ignoredKeys: [] });
    const id = (await db.mentions.where('mentionKey').equals('a').first())?.id ?? -1;
    await setStatus(db, id, 'answered', { now: t1 + 5 });
    await setNote(db, id, 'Antwort per PN');

    const r2 = await recordMentions(db, [input('a', { terms: ['Sperrung'], snippet: 'geändert' }), input('c')], {
      ...plain,
      now: t2,
    });
    expect(r2).toEqual({ added: 1, updated: 1, skipped: 0, ignoredKeys: [] });
    expect(await db.mentions.count()).toBe(3);
    const a = await getMention(db, id);
    expect(a).toMatchObject({
      firstSeen: t1,
      lastSeen: t2,
      seenCount: 3,
      terms: ['Baustelle', 'Umleitung', 'Sperrung'],
      topicIds: ['verkehr', 'bau'],
      status: 'answered',
      note: 'Antwort per PN',
      snippet: input('a').snippet,
    });
  });

  it('stores the author per privacy mode, pseudonym by a stable hash', async () => {
    db = freshDb();
    await recordMentions(db, [input('p', { author: 'Max Müller' })], { authorMode: 'pseudonym', pseudonymKey: KEY });
    await recordMentions(db, [input('q', { author: 'max müller' })], { authorMode: 'pseudonym', pseudonymKey: KEY });
    await recordMentions(db, [input('n', { author: 'Max Müller' })], { authorMode: 'none', pseudonymKey: KEY });
    const byKey = Object.fromEntries((await db.mentions.toArray()).map((m) => [m.mentionKey, m.author]));
    expect(byKey.p).toMatch(/^Person [0-9A-F]{4}$/);
    expect(byKey.q).toBe(byKey.p);
    expect(byKey.n).toBe('');
    expect(JSON.stringify(await db.mentions.toArray())).not.toContain('Müller');
  });

  it('truncates snippets and skips inputs without a key', async () => {
    db = freshDb();
    const r = await recordMentions(db, [input('long', { snippet: 'x'.repeat(2000) }), input('')], plain);
    expect(r).toEqual({ added: 1, updated: 0, skipped: 1, ignoredKeys: [] });
    expect((await db.mentions.toArray())[0]?.snippet.length).toBe(SNIPPET_MAX);
    expect(await recordMentions(db, [], plain)).toEqual({ added: 0, updated: 0, skipped: 0, ignoredKeys: [] });
  });

  it('answers with the keys of the batch that the team has ignored (the page drops their highlights again)', async () => {
    db = freshDb();
    await recordMentions(db, [input('a'), input('b'), input('c')], plain);
    const b = await db.mentions.get({ mentionKey: 'b' });
    await setStatus(db, b?.id ?? -1, 'ignored');
    const again = await recordMentions(db, [input('a'), input('b'), input('d')], plain);
    expect(again).toMatchObject({ added: 1, updated: 2, ignoredKeys: ['b'] });
    expect((await db.mentions.get({ mentionKey: 'b' }))?.status).toBe('ignored');
  });

  it('stores the exact distinct set when many tabs write overlapping batches at once', async () => {
    db = freshDb();
    const tabs = Array.from({ length: 5 }, (_, tab) =>
      Array.from({ length: 40 }, (_, i) => input(`k${(tab * 13 + i) % 60}`, { terms: [`t${tab}`] })),
    );
    const results = await Promise.all(tabs.map((batch) => recordMentions(db, batch, plain)));
    const expected = new Set(tabs.flat().map((m) => m.mentionKey));
    const rows = await db.mentions.toArray();
    expect(rows.map((m) => m.mentionKey).sort()).toEqual([...expected].sort());
    expect(results.reduce((n, r) => n + r.added, 0)).toBe(expected.size);
    expect(rows.reduce((n, m) => n + m.seenCount, 0)).toBe(200);
  });
});

describe('createWriteQueue', () => {
  it('collects pushes within maxDelayMs into one flush', async () => {
    vi.useFakeTimers();
    const flush = vi.fn(async (batch: number[]) => batch.length);
    const q = createWriteQueue(flush, { maxDelayMs: 100 });
    const p1 = q.push(1);
    const p2 = q.push([2, 3]);
    expect(q.pending).toBe(3);
    await vi.advanceTimersByTimeAsync(99);
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await p1).toBe(3);
    expect(await p2).toBe(3);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalledWith([1, 2, 3]);
  });

  it('flushes at once when maxBatch is reached', async () => {
    vi.useFakeTimers();
    const flush = vi.fn(async (batch: number[]) => batch.length);
    const q = createWriteQueue(flush, { maxDelayMs: 10_000, maxBatch: 3 });
    void q.push([1, 2]);
    expect(flush).not.toHaveBeenCalled();
    await expect(q.push(3)).resolves.toBe(3);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('runs one flush at a time; what arrives meanwhile forms the next batch', async () => {
    vi.useFakeTimers();
    const batches: number[][] = [];
    let running = 0;
    let maxRunning = 0;
    const q = createWriteQueue(
      async (batch: number[]) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        batches.push(batch);
        await new Promise((r) => setTimeout(r, 500));
        running -= 1;
      },
      { maxDelayMs: 50 },
    );
    void q.push(1);
    await vi.advanceTimersByTimeAsync(60); // first flush running
    void q.push(2);
    void q.push(3);
    await vi.advanceTimersByTimeAsync(100); // timer fired during the flush: must wait
    expect(batches).toEqual([[1]]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([[1], [2, 3]]);
    expect(maxRunning).toBe(1);
  });

  it('rejects only the waiters of a failed batch and keeps working', async () => {
    vi.useFakeTimers();
    let fail = true;
    const q = createWriteQueue(
      async (batch: string[]) => {
        if (fail) throw new Error('kaputt');
        return batch;
      },
      { maxDelayMs: 10 },
    );
    const bad = q.push('a');
    const badResult = expect(bad).rejects.toThrow('kaputt');
    await vi.advanceTimersByTimeAsync(10);
    await badResult;
    fail = false;
    const good = q.push('b');
    await q.flush();
    await expect(good).resolves.toEqual(['b']);
    expect(q.pending).toBe(0);
  });

  it('flush() drains without waiting for the timer', async () => {
    const flush = vi.fn(async (batch: number[]) => batch.length);
    const q = createWriteQueue(flush, { maxDelayMs: 60_000 });
    const p = q.push([1, 2]);
    await q.flush();
    await expect(p).resolves.toBe(2);
    q.dispose();
  });

  it('feeds recordMentions: many tabs, one transaction per batch', async () => {
    db = freshDb();
    const batches: number[] = [];
    const q = createWriteQueue(
      async (batch: ReturnType<typeof input>[]) => {
        batches.push(batch.length);
        return recordMentions(db, batch, plain);
      },
      { maxDelayMs: 5 },
    );
    await Promise.all([q.push([input('a'), input('b')]), q.push([input('b'), input('c')]), q.push(input('a'))]);
    expect(batches).toEqual([5]);
    expect(await db.mentions.count()).toBe(3);
  });
});

async function seed(db: LauscherDb, rows: Omit<Mention, 'id'>[]): Promise<void> {
  await db.mentions.bulkAdd(rows as Mention[]);
}

describe('digest', () => {
  const now = local(2025, 11, 25, 16);

  it('counts today and yesterday by local calendar day, by topic and platform', async () => {
    db = freshDb();
    await seed(db, [
      row('t1', { firstSeen: local(2025, 11, 25, 0, 1), topicIds: ['verkehr', 'bau'] }),
      row('t2', { firstSeen: local(2025, 11, 25, 15), platform: 'x', topicIds: ['bau'] }),
      row('t3', { firstSeen: local(2025, 11, 25, 8), platform: 'x', status: 'answered' }),
      row('y1', { firstSeen: local(2025, 11, 24, 23, 59) }),
      row('y2', { firstSeen: local(2025, 11, 24, 0, 0), status: 'ignored' }),
      row('o1', { firstSeen: local(2025, 11, 20) }),
      row('old', { firstSeen: local(2025, 10, 1) }),
    ]);
    const d = await digest(db, { now });
    expect(d.today).toBe(3);
    expect(d.yesterday).toBe(2);
    expect(d.byTopic).toEqual({ verkehr: 2, bau: 2 });
    expect(d.byPlatform).toEqual({ facebook: 1, x: 2 });
    expect(d.unanswered).toBe(4); // t1, t2, y1, o1 (old is outside the 7-day window)
    expect(d.dayStart).toBe(local(2025, 11, 25, 0));
    expect(await countToday(db, now)).toBe(3);
  });

  it('sorts top: urgent and open first, then open, then newest', async () => {
    db = freshDb();
    await seed(db, [
      row('answered-new', { firstSeen: local(2025, 11, 25, 15), status: 'answered' }),
      row('open-old', { firstSeen: local(2025, 11, 23, 9) }),
      row('open-new', { firstSeen: local(2025, 11, 25, 14), status: 'seen' }),
      row('urgent-old', { firstSeen: local(2025, 11, 22, 9), topicIds: ['krise'] }),
      row('urgent-new', { firstSeen: local(2025, 11, 25, 10), topicIds: ['verkehr', 'krise'] }),
      row('urgent-done', { firstSeen: local(2025, 11, 25, 11), topicIds: ['krise'], status: 'ignored' }),
    ]);
    const d = await digest(db, { now, urgentTopicIds: ['krise'] });
    expect(d.top.map((m) => m.mentionKey)).toEqual([
      'urgent-new',
      'urgent-old',
      'open-new',
      'open-old',
      'answered-new',
      'urgent-done',
    ]);
    expect(d.urgentUnanswered).toBe(2);
    expect((await digest(db, { now, topLimit: 2 })).top).toHaveLength(2);
    expect((await digest(db, { now, openWindowDays: 2 })).unanswered).toBe(2); // open-new, urgent-new
  });

  it('reads only the open window through the firstSeen index', async () => {
    db = freshDb();
    const old = Array.from({ length: 500 }, (_, i) => row(`old${i}`, { firstSeen: local(2025, 9, 1) + i }));
    await seed(db, [...old, row('today', { firstSeen: local(2025, 11, 25, 9) })]);
    let read = 0;
    const hook = (obj: Mention) => {
      read += 1;
      return obj;
    };
    db.mentions.hook('reading', hook);
    const d = await digest(db, { now });
    db.mentions.hook('reading').unsubscribe(hook);
    expect(d.today).toBe(1);
    expect(read).toBe(1);
  });

  it('is empty for an empty log', async () => {
    db = freshDb();
    const d = await digest(db, { now });
    expect(d).toMatchObject({ today: 0, yesterday: 0, unanswered: 0, top: [], byTopic: {}, byPlatform: {} });
  });
});

describe('listMentions', () => {
  it('filters by date range (to exclusive), topic, platform, status; newest first by default', async () => {
    db = freshDb();
    await seed(db, [
      row('a', { firstSeen: local(2025, 11, 1), platform: 'x', topicIds: ['bau'] }),
      row('b', { firstSeen: local(2025, 11, 2), status: 'answered' }),
      row('c', { firstSeen: local(2025, 11, 3), topicIds: ['bau', 'verkehr'] }),
      row('d', { firstSeen: local(2025, 11, 4), platform: 'instagram', topicIds: [] }),
    ]);
    const keys = async (o: Parameters<typeof listMentions>[1]) =>
      (await listMentions(db, o)).map((m) => m.mentionKey).join('');
    expect(await keys({})).toBe('dcba');
    expect(await keys({ order: 'oldest' })).toBe('abcd');
    expect(await keys({ from: local(2025, 11, 2, 0), to: local(2025, 11, 4, 0) })).toBe('cb');
    expect(await keys({ topicIds: ['bau'] })).toBe('ca');
    expect(await keys({ platforms: ['x', 'instagram'] })).toBe('da');
    expect(await keys({ statuses: ['answered'] })).toBe('b');
    expect(await keys({ statuses: [], topicIds: [] })).toBe('dcba');
    expect(await keys({ limit: 2 })).toBe('dc');
    expect(await keys({ limit: 2, offset: 1, order: 'oldest' })).toBe('bc');
    expect(await keys({ from: 5, to: 5 })).toBe('');
    expect(matchesFilter({ ...row('z'), id: 1 } as Mention, { platforms: ['x'] })).toBe(false);
  });
});

describe('status, note, seen', () => {
  it('sets status with time and template, notes trimmed and capped, marks new as seen only', async () => {
    db = freshDb();
    await seed(db, [row('a'), row('b', { status: 'answered' }), row('c')]);
    const [a, b, c] = await db.mentions.orderBy('id').toArray();
    if (!a || !b || !c) throw new Error('seed');
    const at = Date.UTC(2025, 10, 25, 10);
    expect(
      await setStatus(db, a.id, 'answered', { templateUsed: 'danke', templateVersion: 3, answeredBy: 'AB', now: at }),
    ).toBe(true);
    expect(await getMention(db, a.id)).toMatchObject({
      status: 'answered',
      statusChangedAt: at,
      answeredAt: at,
      answeredBy: 'AB',
      templateVersion: 3,
      templateUsed: 'danke',
    });
    expect(await setStatus(db, 9999, 'seen')).toBe(false);
    expect(await setNote(db, c.id, `  ${'n'.repeat(NOTE_MAX + 10)}  `)).toBe(true);
    expect((await getMention(db, c.id))?.note).toHaveLength(NOTE_MAX);
    expect(await markSeen(db, [a.id, b.id, c.id], at + 77)).toBe(1);
    expect((await getMention(db, c.id))?.status).toBe('seen');
    expect((await getMention(db, c.id))?.statusChangedAt).toBe(at + 77);
    expect((await getMention(db, b.id))?.status).toBe('answered');
    expect(await markSeen(db, [])).toBe(0);
  });
});

describe('erasure and retention', () => {
  it('deleteAll erases every mention', async () => {
    db = freshDb();
    await seed(db, [row('a'), row('b')]);
    expect(await deleteAll(db)).toBe(2);
    expect(await db.mentions.count()).toBe(0);
  });

  it('purges by lastSeen beyond the retention window and never today', async () => {
    db = freshDb();
    const now = local(2025, 11, 25, 10);
    await seed(db, [
      row('gone', { firstSeen: local(2025, 8, 1), lastSeen: local(2025, 8, 20) }),
      row('edge-gone', { firstSeen: local(2025, 8, 26, 23, 59), lastSeen: local(2025, 8, 26, 23, 59) }),
      row('edge-kept', { firstSeen: local(2025, 8, 27, 0, 0), lastSeen: local(2025, 8, 27, 0, 0) }),
      row('seen-again', { firstSeen: local(2025, 7, 1), lastSeen: local(2025, 11, 24) }),
      row('today', { firstSeen: local(2025, 11, 25, 8), lastSeen: local(2025, 11, 25, 8) }),
    ]);
    expect(await purgeOlderThan(db, 90, now)).toBe(2);
    expect((await db.mentions.toArray()).map((m) => m.mentionKey).sort()).toEqual(['edge-kept', 'seen-again', 'today']);
    // 0 days counts as 1: yesterday's and today's mentions stay
    expect(await purgeOlderThan(db, 0, now)).toBe(1);
    expect((await db.mentions.toArray()).map((m) => m.mentionKey).sort()).toEqual(['seen-again', 'today']);
  });
});
