// The upgrade as users get it: Lauscher v1 (built from git) fills its IndexedDB in real Chromium, then the current
// build replaces it in the same folder (same extension id, same origin) and starts on the same browser profile.
// Every row must still be there and converted by the v2 and v3 upgrade()s; settings stored by v1 are migrated.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, DEMO_PAGE, DEMO_URL, launchLauscher, readMentions } from '../../scripts/launch-chromium';
import { v1Build } from './v1-build';

const work = mkdtempSync(join(tmpdir(), 'lauscher-upgrade-'));
const extDir = join(work, 'extension');
const profileDir = join(work, 'profile');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The database's version as IndexedDB knows it (Dexie stores verno × 10) and the mentions store's indexes. */
function dbInfo(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; indexes: string[] }>((resolve, reject) => {
        const req = indexedDB.open('lauscher');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const store = db.transaction('mentions').objectStore('mentions');
          resolve({ version: db.version, indexes: [...store.indexNames] });
          db.close();
        };
      }),
  );
}

/** Marks rows answered as v1 did (status + statusChangedAt, no answeredAt), straight in v1's database. */
function answerInV1(page: Page, count: number, at: number) {
  return page.evaluate(
    ([n, t]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('lauscher');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('mentions', 'readwrite');
          const store = tx.objectStore('mentions');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const row of all.result.slice(0, n)) store.put({ ...row, status: 'answered', statusChangedAt: t });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [count, at] as const,
  );
}

describe('upgrade v1 → v3 in Chromium', () => {
  it('keeps and converts every row a v1 build wrote, and migrates its settings', { timeout: 300_000 }, async () => {
    cpSync(v1Build(), extDir, { recursive: true });
    const v1 = await launchLauscher({ build: extDir, profileDir });
    await v1.serve(DEMO_URL, DEMO_PAGE);
    // v1 let a profile with a duplicate topic id and a refused term be stored
    await v1.setSetting('profile', {
      municipality: { name: 'Musterstadt', aliases: ['#musterstadt'], caseSensitive: false },
      topics: [
        { id: 'bau', label: 'Baustelle', color: 'amber', terms: ['Baustelle*', 'Bau*stelle'], exclude: [] },
        { id: 'bau', label: 'Doppelt', color: 'red', terms: ['Umleitung'], exclude: [] },
        { id: 'unwetter', label: 'Unwetter', color: 'blue', terms: ['Hochwasser', 'Sandsäcke'], exclude: [] },
      ],
      templates: [],
    });
    await v1.setSetting('privacy', { authorMode: 'pseudonym', retentionDays: 5000 });
    const feed = await v1.context.newPage();
    await feed.goto(DEMO_URL);
    await expect.poll(async () => (await readMentions(v1)).length, { timeout: 60_000 }).toBeGreaterThan(3);
    // the log has settled
    let last = -1;
    for (let n = (await readMentions(v1)).length; n !== last; n = (await readMentions(v1)).length) {
      last = n;
      await feed.waitForTimeout(1500);
    }
    const page = await v1.context.newPage();
    await page.goto(v1.extensionUrl('popup.html'));
    expect((await dbInfo(page)).version).toBe(10);
    const answeredAt = Date.now() - 3_600_000;
    await answerInV1(page, 2, answeredAt);
    const before = await readMentions(v1, page);
    const v1Id = v1.extensionId;
    await v1.close();

    // the update: same folder, new files
    rmSync(extDir, { recursive: true, force: true });
    cpSync(CHROME_BUILD, extDir, { recursive: true });
    const v2 = await launchLauscher({ build: extDir, profileDir });
    try {
      expect(v2.extensionId).toBe(v1Id);
      const popup = await v2.context.newPage();
      await popup.goto(v2.extensionUrl('popup.html'));
      // the popup opens the database: the upgrade runs
      await expect.poll(() => popup.getByTestId('mention-item').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      const info = await dbInfo(popup);
      // v1 → v3 in one go (Dexie stores verno × 10): v2's answeredAt, v3's digest index keys
      expect(info.version).toBe(30);
      expect(info.indexes).toEqual(
        expect.arrayContaining(['answeredAt', '[status+firstSeen]', 'mentionKey', 'digestKeys']),
      );

      const after = await readMentions(v2, popup);
      expect(after).toHaveLength(before.length);
      const byId = new Map(after.map((r) => [r.id, r]));
      for (const row of before) {
        const expected = row.status === 'answered' ? { ...row, answeredAt: row.statusChangedAt } : row;
        // read raw from IndexedDB: the stored index keys are there (readers through Dexie never see them)
        const { digestKeys, ...stored } = byId.get(row.id) ?? {};
        expect(stored).toEqual(expected);
        expect(digestKeys).toContainEqual([row.status, row.firstSeen]);
      }
      expect(after.filter((r) => r.answeredAt === answeredAt)).toHaveLength(2);

      // settings v1 stored without checks are repaired by the migrations
      const settings = await v2.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } })
          .chrome;
        return c.storage.local.get(null) as Promise<Record<string, unknown>>;
      });
      const profile = settings.profile as { topics: { id: string; terms: string[] }[] };
      expect(profile.topics.map((x) => x.id)).toEqual(['bau', 'unwetter']);
      expect(profile.topics[0]?.terms).toEqual(['Baustelle*']);
      expect(settings['profile$']).toEqual({ v: 2 });
      expect((settings.privacy as { retentionDays: number }).retentionDays).toBe(365);

      // and the upgraded extension keeps logging into the same database
      const feed2 = await v2.context.newPage();
      await v2.serve('https://www.facebook.com/groups/musterstadt/?nach=upgrade', DEMO_PAGE);
      await feed2.goto('https://www.facebook.com/groups/musterstadt/?nach=upgrade');
      await expect
        .poll(
          async () =>
            (await readMentions(v2, popup)).some(
              (r) => Number(r.seenCount) > Number(before.find((b) => b.id === r.id)?.seenCount ?? 0),
            ),
          { timeout: 30_000 },
        )
        .toBe(true);
    } finally {
      await v2.close();
    }
  });
});
