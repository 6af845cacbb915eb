import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { LauscherDb } from '../../utils/db';
import {
  isQuotaError,
  LogStorageFullError,
  recordMentions,
  startOfLocalDay,
  withQuotaRecovery,
} from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import { freshDb, input, local, row } from './mentions-helpers';

const now = local(2025, 11, 25, 10);
const quota = () => new DOMException('Der Speicher ist voll', 'QuotaExceededError');

let db: LauscherDb;
afterEach(() => db?.close());

/** Makes the next `n` put/add requests on `mentions` fail with a QuotaExceededError, as a full disk would. */
function simulateFullDisk(target: LauscherDb): { failNext: (n: number) => void } {
  let failures = 0;
  target.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (name === 'mentions' && (req.type === 'put' || req.type === 'add') && failures > 0) {
              failures -= 1;
              return Promise.reject(quota());
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return { failNext: (n) => (failures = n) };
}

async function seedAges(target: LauscherDb): Promise<void> {
  const rows = [
    // beyond 90 days
    row('ancient1', { firstSeen: local(2025, 6, 1), lastSeen: local(2025, 6, 1) }),
    row('ancient2', { firstSeen: local(2025, 7, 1), lastSeen: local(2025, 7, 2) }),
    // within retention, before today
    ...Array.from({ length: 8 }, (_, i) =>
      row(`recent${i}`, { firstSeen: local(2025, 11, 10 + i), lastSeen: local(2025, 11, 10 + i) }),
    ),
    // today
    row('today1', { firstSeen: local(2025, 11, 25, 8), lastSeen: local(2025, 11, 25, 8) }),
    row('today2', { firstSeen: local(2025, 10, 1), lastSeen: local(2025, 11, 25, 9) }),
  ];
  await target.mentions.bulkAdd(rows as Mention[]);
}

const keys = async (target: LauscherDb) => (await target.mentions.toArray()).map((m) => m.mentionKey).sort();

describe('isQuotaError', () => {
  it('recognises the error however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('voll'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('abgebrochen', quota()))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota() } })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('doppelt'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe('withQuotaRecovery', () => {
  it('passes results and other errors through without deleting anything', async () => {
    db = freshDb();
    await seedAges(db);
    expect(await withQuotaRecovery(db, async () => 7, { retentionDays: 90, now })).toEqual({ result: 7 });
    await expect(
      withQuotaRecovery(db, () => Promise.reject(new Error('anders')), { retentionDays: 90, now }),
    ).rejects.toThrow('anders');
    expect(await db.mentions.count()).toBe(12);
  });

  it('prunes beyond retention first, retries once and says so in German', async () => {
    db = freshDb();
    await seedAges(db);
    let calls = 0;
    const out = await withQuotaRecovery(
      db,
      async () => {
        calls += 1;
        if (calls === 1) throw quota();
        return 'ok';
      },
      { retentionDays: 90, now },
    );
    expect(calls).toBe(2);
    expect(out.result).toBe('ok');
    expect(out.recovery).toMatchObject({ prunedBeyondRetention: 2, prunedOldest: 0 });
    expect(out.recovery?.message).toBe('Der Speicher war voll: 2 Erwähnungen älter als 90 Tage wurden gelöscht.');
    expect(await keys(db)).not.toContain('ancient1');
    expect(await db.mentions.count()).toBe(10);
  });

  it('then prunes the oldest mentions before today, never today', async () => {
    db = freshDb();
    await seedAges(db);
    let calls = 0;
    const out = await withQuotaRecovery(
      db,
      async () => {
        calls += 1;
        if (calls < 3) throw new Dexie.AbortError('Transaktion abgebrochen', quota());
        return 'ok';
      },
      { retentionDays: 90, now },
    );
    expect(calls).toBe(3);
    expect(out.recovery).toMatchObject({ prunedBeyondRetention: 2, prunedOldest: 2 });
    expect(out.recovery?.message).toContain('die 2 ältesten Erwähnungen vor heute');
    expect(await keys(db)).toEqual([
      'recent2',
      'recent3',
      'recent4',
      'recent5',
      'recent6',
      'recent7',
      'today1',
      'today2',
    ]);
  });

  it('goes straight to the second stage when nothing is beyond retention', async () => {
    db = freshDb();
    await db.mentions.bulkAdd([row('y', { lastSeen: local(2025, 11, 24) }), row('t', { lastSeen: now })] as Mention[]);
    let calls = 0;
    const out = await withQuotaRecovery(
      db,
      async () => {
        calls += 1;
        if (calls === 1) throw quota();
        return calls;
      },
      { retentionDays: 90, now },
    );
    expect(out).toMatchObject({ result: 2, recovery: { prunedBeyondRetention: 0, prunedOldest: 1 } });
    expect(await keys(db)).toEqual(['t']);
  });

  it('throws a typed German error when still full, keeping every mention of today', async () => {
    db = freshDb();
    await seedAges(db);
    const err = await withQuotaRecovery(db, () => Promise.reject(quota()), { retentionDays: 90, now }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LogStorageFullError);
    expect((err as LogStorageFullError).name).toBe('LogStorageFullError');
    expect((err as LogStorageFullError).message).toMatch(/^Der Speicher ist voll/);
    expect((err as LogStorageFullError).recovery).toEqual({ prunedBeyondRetention: 2, prunedOldest: 2 });
    const left = await db.mentions.toArray();
    expect(
      left
        .filter((m) => m.lastSeen >= startOfLocalDay(now))
        .map((m) => m.mentionKey)
        .sort(),
    ).toEqual(['today1', 'today2']);
  });

  it('recovers a real batch write that the disk rejected, atomically', async () => {
    db = freshDb();
    const disk = simulateFullDisk(db);
    await seedAges(db);
    disk.failNext(1);
    const out = await withQuotaRecovery(
      db,
      () =>
        recordMentions(db, [input('neu1'), input('neu2'), input('today1')], {
          authorMode: 'none',
          pseudonymKey: '',
          now,
        }),
      { retentionDays: 90, now },
    );
    expect(out.result).toEqual({ added: 2, updated: 1, skipped: 0, ignoredKeys: [] });
    expect(out.recovery?.prunedBeyondRetention).toBe(2);
    const today1 = await db.mentions.where('mentionKey').equals('today1').first();
    expect(today1?.seenCount).toBe(2); // counted once, not twice: the failed attempt left nothing behind
    expect(await db.mentions.count()).toBe(12);
  });
});
