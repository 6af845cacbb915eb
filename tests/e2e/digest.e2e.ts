// The morning digest and the response promise in real Chromium with the built extension: the whole queue, counts,
// response figures and badge after an action; surge notifications inside and outside office hours; ignoring a post
// drops its highlights on the open page; "Beitrag öffnen" focuses the tab already showing the post.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PAGE,
  DEMO_URL,
  highlightTexts,
  type Lauscher,
  launchLauscher,
  readMentions,
} from '../../scripts/launch-chromium';
import { addBerlinDays, startOfBerlinDay, startOfBerlinWeek } from '../../utils/digest/berlin';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NORMAL = [11, 87, 208, 255];
const URGENT = [197, 34, 31, 255];
const SHOTS = 'test-results';

let lauscher: Lauscher;

type Chrome = {
  action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
  tabs: { query(q: object): Promise<Array<{ id: number; url?: string; active: boolean }>> };
};
type Spy = { chrome: Chrome; __tabCalls: string[] };
const chrome = () => (globalThis as unknown as { chrome: Chrome }).chrome;

const badge = () =>
  lauscher.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    return { text: await c.action.getBadgeText({}), color: await c.action.getBadgeBackgroundColor({}) };
  });

/** Rows as the log stores them (utils/model.ts Mention without id). */
function row(i: number, firstSeen: number, over: Record<string, unknown> = {}) {
  return {
    mentionKey: `facebook:comment:e2e-${i}`,
    platform: i % 3 === 0 ? 'x' : 'facebook',
    kind: 'comment',
    permalink: `https://www.facebook.com/groups/musterstadt/posts/9${i}/`,
    pageUrl: 'https://www.facebook.com/groups/musterstadt/',
    author: `Person ${(4096 + i).toString(16).toUpperCase()}`,
    snippet: `Erwähnung Nummer ${i}: Die Baustelle in der Hauptstraße in Musterstadt dauert schon wieder länger.`,
    terms: ['Baustelle'],
    topicIds: ['bau'],
    firstSeen,
    lastSeen: firstSeen,
    seenCount: 1,
    status: 'new',
    statusChangedAt: firstSeen,
    note: '',
    ...over,
  };
}

/** Writes rows straight into the extension's IndexedDB from an extension page (the schema exists once Dexie opened it). */
async function seed(page: Page, rows: object[]) {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('lauscher');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('mentions', 'readwrite');
          const store = tx.objectStore('mentions');
          store.clear();
          for (const r of list) store.add(r);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

async function openPopup(opts: { dark?: boolean } = {}) {
  const popup = await lauscher.context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  if (opts.dark) await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.goto(lauscher.extensionUrl('popup.html'));
  await popup.getByTestId('digest-today-count').waitFor();
  return popup;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
  await lauscher.serve(/^https:\/\/www\.facebook\.com\/groups\/musterstadt\/posts\//, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('digest', () => {
  it('lists all 30 logged mentions; answering one updates the count, the median and the badge', async () => {
    const now = Date.now();
    const todayStart = startOfBerlinDay(now);
    const yesterdayStart = addBerlinDays(todayStart, -1);
    // 20 from the last 200 minutes (today, Berlin), one of them urgent; 10 older than the 24-hour promise.
    const today = Array.from({ length: 20 }, (_, k) =>
      row(
        k,
        now - (k + 1) * 10 * MIN,
        k === 1
          ? { topicIds: ['unwetter'], snippet: 'Hochwasser am Mühlbach in Musterstadt, die Keller laufen voll!' }
          : {},
      ),
    ).filter((r) => r.firstSeen >= todayStart);
    const older = Array.from({ length: 30 - today.length }, (_, k) => row(100 + k, now - 26 * HOUR - k * 3 * HOUR));
    const rows = [...today, ...older];
    expect(rows).toHaveLength(30);
    const yesterday = rows.filter((r) => r.firstSeen >= yesterdayStart && r.firstSeen < todayStart).length;

    const popup = await openPopup();
    await seed(popup, rows);
    // The raw writes bypass Dexie: a settings change makes the background look again (as the 5-minute alarm would).
    await lauscher.setSetting('responsePromise', { hours: 24, holidays: [] });
    await popup.reload();

    await expect.poll(() => popup.getByTestId('mention-item').count(), { timeout: 15_000 }).toBe(30);
    expect(await popup.getByTestId('digest-unanswered-count').textContent()).toBe('30');
    expect(Number(await popup.getByTestId('digest-today-count').textContent())).toBe(today.length);
    expect(Number(await popup.getByTestId('digest-yesterday-count').textContent())).toBe(yesterday);
    const diff = today.length - yesterday;
    expect(await popup.getByTestId('digest-change').textContent()).toBe(
      diff > 0 ? `+${diff}` : diff < 0 ? `−${-diff}` : '±0',
    );
    expect(await popup.getByTestId('digest-sparkline').getAttribute('aria-label')).toMatch(
      new RegExp(`Erwähnungen der letzten 7 Tage: .*${today.length}$`),
    );
    expect(await popup.getByTestId('digest-topic-bau').textContent()).toContain(String(today.length - 1));
    expect(await popup.getByTestId('overdue-badge').count()).toBe(older.length);
    expect(await popup.getByTestId('response-median').textContent()).toBe('–');
    // Urgent first, then the overdue ones, oldest first.
    const first = popup.getByTestId('mention-item').first();
    expect(await first.locator('blockquote').textContent()).toContain('Hochwasser');
    expect(await popup.getByTestId('mention-item').nth(1).getByTestId('overdue-badge').count()).toBe(1);
    // Relative time with the absolute one as tooltip.
    const time = first.locator('time');
    expect(await time.textContent()).toBe('vor 20 Min.');
    expect(await time.getAttribute('title')).toMatch(/^\d\d\.\d\d\.\d\d, \d\d:\d\d$/);
    await expect.poll(badge, { timeout: 10_000 }).toEqual({ text: String(today.length), color: URGENT });

    await popup.screenshot({ path: `${SHOTS}/digest-light.png` });
    const dark = await openPopup({ dark: true });
    await expect.poll(() => dark.getByTestId('mention-item').count(), { timeout: 15_000 }).toBe(30);
    await dark.screenshot({ path: `${SHOTS}/digest-dark.png` });
    await dark.close();

    // Enter on "Als beantwortet markieren": gone from the queue, focus on the card now in its place.
    const secondSnippet = await popup.getByTestId('mention-item').nth(1).locator('blockquote').textContent();
    await first.getByTestId('mention-mark-answered').focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('digest-unanswered-count').textContent(), { timeout: 10_000 }).toBe('29');
    expect(await popup.getByTestId('mention-item').count()).toBe(29);
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.querySelector('blockquote')?.textContent))
      .toBe(secondSnippet);
    await expect.poll(() => popup.getByTestId('response-median').textContent()).toMatch(/^\d+ Min\.$/);
    // 1 answered in time; every older one's 24 hours ran out this week without an answer.
    const missed = older.filter((r) => r.firstSeen + 24 * HOUR >= startOfBerlinWeek(Date.now())).length;
    expect(await popup.getByTestId('response-within-promise').textContent()).toBe(
      `${Math.round(100 / (1 + missed))}\u00a0%`,
    );
    const stored = (await readMentions(lauscher, popup)).find((m) => m.mentionKey === 'facebook:comment:e2e-1');
    expect(stored?.status).toBe('answered');
    expect(typeof stored?.answeredAt).toBe('number');
    // One new mention fewer today, and no urgent one left: the normal colour.
    await expect.poll(badge, { timeout: 10_000 }).toEqual({ text: String(today.length - 1), color: NORMAL });

    // Space on "Ignorieren": focus again moves on to the next card.
    const third = await popup.getByTestId('mention-item').nth(1).locator('blockquote').textContent();
    await popup.getByTestId('mention-item').first().getByTestId('mention-ignore').focus();
    await popup.keyboard.press('Space');
    await expect.poll(() => popup.getByTestId('mention-item').count(), { timeout: 10_000 }).toBe(28);
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.querySelector('blockquote')?.textContent))
      .toBe(third);

    // Filters and search over the whole queue.
    await popup.getByTestId('digest-search').fill('nummer 105');
    await expect.poll(() => popup.getByTestId('mention-item').count()).toBe(1);
    await popup.getByTestId('digest-search').fill('');
    await popup.getByTestId('digest-filter-platform').selectOption('x');
    const openX = (await readMentions(lauscher, popup)).filter(
      (r) => r.platform === 'x' && (r.status === 'new' || r.status === 'seen'),
    ).length;
    expect(openX).toBeGreaterThan(0);
    await expect.poll(() => popup.getByTestId('mention-item').count()).toBe(openX);
    await popup.getByTestId('digest-filter-platform').selectOption('');
    await popup.getByTestId('digest-filter-status').selectOption('answered');
    await expect.poll(() => popup.getByTestId('mention-item').count()).toBe(1);
    await popup.getByTestId('digest-filter-status').selectOption('');

    // The date switcher: yesterday against the day before.
    await popup.getByRole('button', { name: 'Vorheriger Tag' }).click();
    await expect.poll(() => popup.getByTestId('digest-today-count').textContent()).toBe(String(yesterday));
    await popup.close();
  });

  it('a surge of 6 mentions fires one notification inside office hours and none outside', async () => {
    const now = Date.now();
    const surge = Array.from({ length: 6 }, (_, k) =>
      row(200 + k, now - (k + 1) * 5 * MIN, { topicIds: ['unwetter'], snippet: `Hochwasser Meldung ${k}` }),
    );
    const surgeNotes = () =>
      lauscher.worker.evaluate(async () =>
        Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()).filter((id) =>
          id.startsWith('lauscher-surge:unwetter'),
        ),
      );
    // Outside office hours: a day that is not today (Berlin).
    const berlinDay = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Berlin' })).getDay();
    await lauscher.setSetting('officeHours', {
      enabled: true,
      days: [(berlinDay + 3) % 7],
      start: '00:00',
      end: '24:00',
    });
    const popup = await openPopup();
    await seed(popup, surge);
    await lauscher.setSetting('surgeRule', { factor: 3, min: 5 });
    await popup.waitForTimeout(1500); // nothing to wait for: the check that must not notify
    expect(await surgeNotes()).toEqual([]);

    // Office hours begin: the surge still going on is announced, once.
    await lauscher.setSetting('officeHours', {
      enabled: true,
      days: [0, 1, 2, 3, 4, 5, 6],
      start: '00:00',
      end: '24:00',
    });
    await expect.poll(surgeNotes, { timeout: 10_000 }).toHaveLength(1);
    // Further checks during the same surge stay quiet.
    await lauscher.setSetting('surgeRule', { factor: 3, min: 6 });
    await lauscher.setSetting('surgeRule', { factor: 3, min: 5 });
    await popup.waitForTimeout(1500);
    expect(await surgeNotes()).toHaveLength(1);
    await lauscher.setSetting('officeHours', { enabled: false, days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' });
    await popup.close();
  });

  it('ignoring a post in the popup removes its highlights from the open page; "Beitrag öffnen" focuses its tab', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await expect.poll(async () => (await readMentions(lauscher)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const inFirstPost = () =>
      page.evaluate(() => {
        const post = document.querySelector(
          '[aria-posinset="1"] [data-ad-rendering-role="story_message"], [aria-posinset="1"] .message',
        );
        let n = 0;
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('lauscher-')) continue;
          for (const r of h as Highlight) if (post?.contains(r.startContainer)) n += 1;
        }
        return n;
      });
    await expect.poll(inFirstPost, { timeout: 15_000 }).toBeGreaterThan(0);
    // Everything near the screen registered: the count holds still between two looks (a loaded machine is slow).
    let before = -1;
    await expect
      .poll(
        async () => {
          const n = Object.values(await highlightTexts(page)).flat().length;
          const still = n === before;
          before = n;
          return still;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);

    const popup = await openPopup();
    await popup.getByTestId('digest-search').fill('Bahnhofstraße noch dauert');
    await expect.poll(() => popup.getByTestId('mention-item').count(), { timeout: 10_000 }).toBe(1);
    await popup.getByTestId('mention-ignore').click();
    await expect.poll(inFirstPost, { timeout: 10_000 }).toBe(0);
    const after = Object.values(await highlightTexts(page)).flat().length;
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(0); // the other posts keep theirs
    const ignored = (await readMentions(lauscher, popup)).find((m) => String(m.snippet).includes('Bahnhofstraße noch'));
    expect(ignored?.status).toBe('ignored');

    // "Beitrag öffnen" with a tab already on that post: that tab comes to the front, no new one.
    await popup.getByTestId('digest-search').fill('');
    const target = popup.getByTestId('mention-item').first();
    const targetId = Number(await target.getAttribute('data-mention-id'));
    const m = (await readMentions(lauscher, popup)).find((r) => r.id === targetId);
    expect(m?.permalink).toMatch(/^https:\/\/www\.facebook\.com\/groups\/musterstadt\/posts\//);
    const postTab = await lauscher.context.newPage();
    await postTab.goto(String(m?.permalink));
    await page.bringToFront();
    const pagesBefore = lauscher.context.pages().length;
    await lauscher.worker.evaluate(() => {
      const g = globalThis as unknown as Spy;
      g.__tabCalls = [];
      const tabs = g.chrome.tabs as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const name of ['update', 'create'] as const) {
        const real = tabs[name]?.bind(tabs);
        tabs[name] = (...a: unknown[]) => {
          g.__tabCalls.push(name);
          return real?.(...a);
        };
      }
    });
    await target.getByTestId('mention-open').click();
    // The background cannot read that tab's URL (no "tabs" permission): watch what it does with the tabs instead.
    await expect
      .poll(() => lauscher.worker.evaluate(() => (globalThis as unknown as Spy).__tabCalls), { timeout: 10_000 })
      .toEqual(['update']);
    expect(lauscher.context.pages().length).toBe(pagesBefore);
    await Promise.all([postTab.close(), popup.close(), page.close()]);
  });

  it('options: the promise in working hours, the holiday list and the surge rule are saved', async () => {
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    const stored = (key: string) =>
      lauscher.worker.evaluate(
        async (k) =>
          (
            await (
              globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } }
            ).chrome.storage.local.get(k)
          )[k as never],
        key,
      );
    await options.getByTestId('response-promise-hours').fill('8');
    await options.getByTestId('response-promise-hours').press('Tab');
    await options.getByTestId('holiday-input').fill('2026-12-24');
    await options.getByTestId('holiday-add').click();
    await options.getByTestId('holiday-input').fill('2026-12-25');
    await options.getByTestId('holiday-input').press('Enter');
    await expect.poll(() => stored('responsePromise')).toEqual({ hours: 8, holidays: ['2026-12-24', '2026-12-25'] });
    expect(await options.getByTestId('holiday-list').locator('li').allInnerTexts()).toEqual([
      expect.stringContaining('24. Dezember'),
      expect.stringContaining('25. Dezember'),
    ]);
    await options.getByRole('button', { name: /24\. Dezember.*entfernen/ }).click();
    await expect.poll(() => stored('responsePromise')).toEqual({ hours: 8, holidays: ['2026-12-25'] });
    await options.getByTestId('surge-min').fill('8');
    await options.getByTestId('surge-min').press('Tab');
    await options.getByTestId('surge-factor').fill('4');
    await options.getByTestId('surge-factor').press('Tab');
    await expect.poll(() => stored('surgeRule')).toEqual({ factor: 4, min: 8 });
    await options.getByTestId('surge-min').scrollIntoViewIfNeeded();
    await options.screenshot({ path: `${SHOTS}/digest-options.png` });
    await options.close();
  });

  it('5,000 open mentions: one query, 50 cards at a time', async () => {
    const now = Date.now();
    const rows = Array.from({ length: 5000 }, (_, k) => row(1000 + k, now - (k + 1) * 7 * MIN));
    const popup = await openPopup();
    await seed(popup, rows);
    await popup.reload();
    await expect
      .poll(() => popup.getByTestId('digest-unanswered-count').textContent(), { timeout: 20_000 })
      .toBe('5000');
    expect(await popup.getByTestId('mention-item').count()).toBe(50);
    expect(await popup.getByTestId('digest-queue-count').textContent()).toBe('5000 in der Liste');
    // Oldest waiting first.
    expect(await popup.getByTestId('mention-item').first().locator('blockquote').textContent()).toContain(
      'Nummer 5999:',
    );
    await popup.getByTestId('digest-more').click();
    await expect.poll(() => popup.getByTestId('mention-item').count()).toBe(100);
    expect(await popup.getByTestId('digest-more').textContent()).toBe('Weitere 50 anzeigen (noch 4900)');
    await popup.close();
  });

  it('a log the extension wrote itself is counted and paged from the digest index, in working order', async () => {
    // 1,200 mentions through the options page's import (the extension's own write path, so with index keys):
    // 800 open over the last 9 days, every 7th urgent, and 400 answered.
    const now = Date.now();
    const entries = Array.from({ length: 1200 }, (_, k) =>
      row(5000 + k, now - (k + 1) * 9 * MIN, {
        mentionKey: `facebook:comment:idx-${k}`,
        ...(k % 7 === 0 ? { topicIds: ['unwetter'], snippet: `Hochwasser Nummer ${5000 + k} am Mühlbach.` } : {}),
        ...(k >= 800 ? { status: 'answered', answeredAt: now - k * MIN, statusChangedAt: now - k * MIN } : {}),
      }),
    );
    const popup = await openPopup();
    await seed(popup, []);
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    const file = {
      format: 'lauscher-mentions',
      version: 1,
      exportedAt: new Date(now).toISOString(),
      mentions: entries,
    };
    await options.getByTestId('import-mentions').setInputFiles({
      name: 'log.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => options.getByTestId('data-status').textContent(), { timeout: 30_000 })
      .toContain('1200 neu');
    await options.close();

    // The rows carry their index keys in the real browser's IndexedDB (the digest reads from the index).
    const keyed = await popup.evaluate(
      () =>
        new Promise<number[]>((resolve, reject) => {
          const req = indexedDB.open('lauscher');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const index = db.transaction('mentions').objectStore('mentions').index('digestKeys');
            const range = (...k: string[]) =>
              IDBKeyRange.bound([...k, Number.NEGATIVE_INFINITY], [...k, Number.POSITIVE_INFINITY]);
            // [status, firstSeen] and [status, 't' + topic, firstSeen] (utils/digest/index-keys.ts)
            const counts = [range('new'), range('new', 'tunwetter'), range('answered')].map((r) => index.count(r));
            let left = counts.length;
            for (const c of counts)
              c.onsuccess = () => {
                if (--left === 0) {
                  db.close();
                  resolve(counts.map((x) => x.result as number));
                }
              };
          };
        }),
    );
    const urgent = entries.filter((e) => e.status === 'new' && e.topicIds.includes('unwetter')).length;
    expect(keyed).toEqual([800, urgent, 400]);

    await popup.reload();
    await expect
      .poll(() => popup.getByTestId('digest-unanswered-count').textContent(), { timeout: 20_000 })
      .toBe('800');
    expect(await popup.getByTestId('mention-item').count()).toBe(50);
    expect(await popup.getByTestId('digest-queue-count').textContent()).toBe('800 in der Liste');
    // Working order: the urgent ones (oldest first), then the rest (oldest first).
    const order = entries
      .filter((e) => e.status === 'new')
      .sort(
        (a, b) =>
          Number(b.topicIds.includes('unwetter')) - Number(a.topicIds.includes('unwetter')) ||
          a.firstSeen - b.firstSeen,
      )
      .map((e) => e.snippet);
    const shown = () => popup.getByTestId('mention-item').locator('blockquote').allTextContents();
    expect((await shown()).map((t) => t.trim())).toEqual(order.slice(0, 50));
    await popup.getByTestId('digest-more').click();
    await expect.poll(() => popup.getByTestId('mention-item').count()).toBe(100);
    expect((await shown()).map((t) => t.trim())).toEqual(order.slice(0, 100));
    expect(await popup.getByTestId('digest-more').textContent()).toBe('Weitere 50 anzeigen (noch 700)');
    // A status filter counts and pages from the index too.
    await popup.getByTestId('digest-filter-status').selectOption('answered');
    await expect.poll(() => popup.getByTestId('digest-queue-count').textContent()).toBe('400 in der Liste');
    await popup.close();
  });
});
void chrome;
