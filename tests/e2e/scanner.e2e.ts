// The live scanner in real Chromium with the built extension: CSS highlights without DOM changes, editors left alone
// while the user types, infinite-feed appends and removals, live settings changes, viewport-limited registration on
// a long page, and the hover tooltip with "ignore".
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed, madeUpWords } from '../../bench/_feed';
import {
  CHROME_E2E_BUILD,
  highlightTexts,
  type Lauscher,
  launchLauscher,
  ROOT,
  readMentions,
} from '../../scripts/launch-chromium';
import type { Profile } from '../../utils/settings';

const FEED_URL = 'https://www.facebook.com/groups/musterstadt/';
const LONG_URL = 'https://www.facebook.com/groups/lang/';
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'scanner', 'feed.html');

const PROFILE: Profile = {
  municipality: { name: 'Musterstadt', aliases: [], caseSensitive: false },
  topics: [
    { id: 'bau', label: 'Baustelle/Verkehr', color: 'amber', terms: ['Baustelle*', 'Umleitung'], exclude: [] },
    { id: 'wasser', label: 'Hochwasser', color: 'blue', terms: ['Hochwasser', 'Sandsäcke'], exclude: [] },
  ],
  templates: [],
  houseFormality: 'sie',
};

let lauscher: Lauscher;
const long = generateFeed({ posts: 2000, seed: 42 });

async function setProfile(profile: Profile) {
  // Through the service worker (an extension context), as the options page would store it.
  await lauscher.setSetting('profile', profile);
}

beforeAll(async () => {
  lauscher = await launchLauscher({ build: CHROME_E2E_BUILD }); // has the lauscher:idle test hook
  await lauscher.serve(FEED_URL, FIXTURE);
  await lauscher.context.route(LONG_URL, (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: long.html }),
  );
  await setProfile(PROFILE);
});
afterAll(async () => {
  await lauscher?.close();
});

const all = async (page: Page) => Object.values(await highlightTexts(page)).flat();
const count = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('lauscher-')) n += (h as Highlight).size;
    return n;
  });

/** Opens a page and waits for the content script's first `lauscher:idle` (see utils/content/start.ts). */
async function open(url: string) {
  const page = await lauscher.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __idle: Array<Record<string, number>> };
    w.__idle = [];
    document.addEventListener('lauscher:idle', (e) => w.__idle.push(JSON.parse(String((e as CustomEvent).detail))));
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __idle: unknown[] }).__idle.length > 0, undefined, {
    timeout: 30_000,
  });
  return page;
}

describe('live scanner in Chromium', () => {
  it('paints matches as CSS highlights (across inline elements) without touching the DOM', async () => {
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);
    const texts = await highlightTexts(page);
    expect(texts['lauscher-amber']?.sort()).toEqual(['Baustelle', 'Umleitung']);
    expect(texts['lauscher-municipality']).toEqual(['Musterstadt']); // "Muster<b>stadt</b>"
    expect(texts['lauscher-blue']?.sort()).toEqual(['Hochwasser', 'Sandsäcke']);
    expect(await page.evaluate(() => document.querySelectorAll('mark, lauscher-ui').length)).toBe(0);
    await page.close();
  });

  it('highlights nothing inside a textarea or a contenteditable editor while the user types a term', async () => {
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);
    await page.click('#editor');
    await page.keyboard.type('Die Baustelle in Musterstadt nervt. Hochwasser! ', { delay: 5 });
    await page.click('#ta');
    await page.keyboard.press('End');
    await page.keyboard.type(' Umleitung Musterstadt', { delay: 5 });
    await page.waitForTimeout(400);
    expect(await page.locator('#editor').textContent()).toContain('Hochwasser');
    const inside = await page.evaluate(() => {
      const editor = document.getElementById('editor') as HTMLElement;
      const ta = document.getElementById('ta') as HTMLElement;
      let n = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('lauscher-')) continue;
        for (const r of h as Highlight) if (editor.contains(r.startContainer) || ta.contains(r.startContainer)) n++;
      }
      return n;
    });
    expect(inside).toBe(0);
    expect(await count(page)).toBe(5);
    await page.close();
  });

  it('highlights appended posts, drops the ranges of removed ones, and repaints on a settings change', async () => {
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);
    const id = await page.evaluate(() =>
      (window as unknown as { __addPost(t: string): string }).__addPost(
        'Neue Umleitung wegen Hochwasser in Musterstadt',
      ),
    );
    await expect.poll(() => count(page)).toBe(8);
    expect((await highlightTexts(page))['lauscher-amber']).toContain('Umleitung');

    await page.evaluate((i) => (window as unknown as { __removePost(i: string): void }).__removePost(i), id);
    await expect.poll(() => count(page)).toBe(5);
    await page.evaluate(() => (window as unknown as { __removePost(i: string): void }).__removePost('p2'));
    await expect.poll(() => count(page)).toBe(3);

    await setProfile({
      ...PROFILE,
      topics: [
        ...PROFILE.topics,
        { id: 'rad', label: 'Radverkehr', color: 'green', terms: ['Bahnhofstraße'], exclude: [] },
      ],
    });
    await expect.poll(async () => (await highlightTexts(page))['lauscher-green']).toEqual(['Bahnhofstraße']);
    await setProfile(PROFILE);
    await expect.poll(async () => (await highlightTexts(page))['lauscher-green'] ?? []).toEqual([]);
    await page.close();
  });

  it('a 6,000-term profile compiles in slices and paints; of two quick changes the newer one wins', async () => {
    // Three topics of 2,000 made-up terms, the most a topic may hold; the last also has the real term.
    const many = madeUpWords(6000);
    const big: Profile = {
      ...PROFILE,
      topics: [
        ...PROFILE.topics,
        { id: 'v1', label: 'Viele 1', color: 'red', terms: many.slice(0, 2000), exclude: [] },
        { id: 'v2', label: 'Viele 2', color: 'red', terms: many.slice(2000, 4000), exclude: [] },
        {
          id: 'v3',
          label: 'Viele 3',
          color: 'green',
          terms: [...many.slice(4000, 5999), 'Bahnhofstraße'],
          exclude: [],
        },
      ],
    };
    const small: Profile = {
      ...PROFILE,
      topics: [...PROFILE.topics, { id: 'dauer', label: 'Dauer', color: 'violet', terms: ['März'], exclude: [] }],
    };
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);

    await setProfile(big);
    await expect.poll(async () => (await highlightTexts(page))['lauscher-green']).toEqual(['Bahnhofstraße']);

    // The big profile again (it compiles over several slices), then at once the small one, which compiles first: the
    // big one, finishing later, must not be applied over it.
    await setProfile({ ...big, topics: big.topics.map((t) => (t.id === 'v1' ? { ...t, label: 'Viele' } : t)) });
    await setProfile(small);
    await expect.poll(async () => (await highlightTexts(page))['lauscher-violet']).toEqual(['März']);
    await page.waitForTimeout(1500); // the big compile takes ~100 ms; give a stale one every chance to land
    const texts = await highlightTexts(page);
    expect(texts['lauscher-violet']).toEqual(['März']);
    expect(texts['lauscher-green'] ?? []).toEqual([]);
    await setProfile(PROFILE);
    await page.close();
  });

  it('a new reply template or topic label rescans nothing; the tooltip shows the new label', async () => {
    await setProfile(PROFILE);
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);
    const idles = () => page.evaluate(() => (window as unknown as { __idle: unknown[] }).__idle.length);
    const before = await idles();
    await setProfile({
      ...PROFILE,
      topics: PROFILE.topics.map((t) => (t.id === 'wasser' ? { ...t, label: 'Hochwasserlage' } : t)),
      templates: [
        {
          id: 'danke',
          title: 'Danke',
          body: 'Vielen Dank für Ihren Hinweis!',
          topicIds: [],
          formality: 'sie',
          version: 1,
        },
      ],
    });
    await page.waitForTimeout(1000); // a rescan of this page takes ~100 ms; give one every chance to show
    expect(await idles()).toBe(before);
    expect(await count(page)).toBe(5);

    const box = await page.evaluate(() => {
      const h = CSS.highlights.get('lauscher-blue') as Highlight;
      const r = [...h].find((x) => x.toString() === 'Hochwasser') as Range;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const tip = page.getByRole('dialog', { name: 'Lauscher' });
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('Hochwasserlage');

    // a new term does rescan
    await setProfile({
      ...PROFILE,
      topics: PROFILE.topics.map((t) => (t.id === 'wasser' ? { ...t, terms: ['Sandsäcke'] } : t)),
    });
    await expect.poll(async () => (await highlightTexts(page))['lauscher-blue']).toEqual(['Sandsäcke']);
    expect(await idles()).toBeGreaterThan(before);
    await setProfile(PROFILE);
    await page.close();
  });

  it('keeps only near-viewport ranges registered on a long feed, and scrolling paints what comes into view', async () => {
    await setProfile(long.profile);
    const page = await open(LONG_URL);
    const idle = await page.evaluate(() => (window as unknown as { __idle: Array<{ matches: number }> }).__idle[0]);
    expect(idle?.matches).toBe(long.planted); // every planted match scanned and tracked
    await expect.poll(() => count(page)).toBeGreaterThan(0);
    expect(await count(page)).toBeLessThanOrEqual(1000);
    const atTop = new Set(await all(page));

    for (const fraction of [0.25, 0.5, 0.9]) {
      await page.evaluate((f) => window.scrollTo(0, document.body.scrollHeight * f), fraction);
      // Every planted term in a paragraph or comment fully on screen is painted: count them in its text and ranges.
      const check = () =>
        page.evaluate((terms) => {
          const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
          const posts = [...document.querySelectorAll('.message .p, .comment .c-body')].filter((p) => {
            const r = p.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          });
          let expected = 0;
          let painted = 0;
          for (const p of posts) {
            expected += ((p as HTMLElement).textContent.match(re) ?? []).length;
            for (const [name, h] of CSS.highlights) {
              if (!name.startsWith('lauscher-')) continue;
              for (const r of h as Highlight) if (p.contains(r.startContainer)) painted++;
            }
          }
          return { posts: posts.length, expected, painted };
        }, long.terms);
      await expect
        .poll(
          async () => {
            const c = await check();
            return c.expected > 0 ? c.expected - c.painted : -1;
          },
          { timeout: 10_000 },
        )
        .toBe(0);
      expect(await count(page)).toBeLessThanOrEqual(1000);
    }
    const afterScroll = await all(page);
    expect(afterScroll.some((t) => !atTop.has(t))).toBe(true);
    await page.screenshot({ path: join(ROOT, 'test-results', 'scanner-long-feed.png') });
    await page.close();
    await setProfile(PROFILE);
  });

  it('opens no tooltip for a pointer drifting across a highlight, only once it rests there', async () => {
    await setProfile(PROFILE);
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);
    const word = await page.evaluate(() => {
      const h = CSS.highlights.get('lauscher-blue') as Highlight;
      const r = [...h].find((x) => x.toString() === 'Hochwasser') as Range;
      const rect = r.getBoundingClientRect();
      return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
    });
    const tip = page.getByRole('dialog', { name: 'Lauscher' });
    // 8 px every 40 ms along the word, ~400 ms on it: longer than the 250 ms rest, but never resting.
    let shownWhileMoving = false;
    for (let x = word.left + 2; x < word.right - 2; x += 8) {
      await page.mouse.move(x, word.y);
      await page.waitForTimeout(40);
      shownWhileMoving ||= await tip.isVisible();
    }
    expect(word.right - word.left).toBeGreaterThan(60);
    expect(shownWhileMoving).toBe(false);
    // Resting where it stopped (a hand that trembles by a pixel still rests) opens it.
    await page.mouse.move(word.right - 4, word.y + 1);
    await expect.poll(() => tip.isVisible(), { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('shows topic and term on hover, and "ignore" sets the mention status', async () => {
    await setProfile(PROFILE);
    const page = await open(FEED_URL);
    await expect.poll(() => count(page)).toBe(5);
    expect(await page.locator('lauscher-ui').count()).toBe(0); // not in the DOM before a hover
    const box = await page.evaluate(() => {
      const h = CSS.highlights.get('lauscher-blue') as Highlight;
      const r = [...h].find((x) => x.toString() === 'Hochwasser') as Range;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(box.x - 40, box.y + 200);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const tip = page.getByRole('dialog', { name: 'Lauscher' });
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.textContent();
    expect(text).toContain('Hochwasser'); // topic label and term
    expect(text).toContain('Gefunden: Hochwasser');
    await page.screenshot({ path: join(ROOT, 'test-results', 'scanner-tooltip.png') });

    // Escape closes it; hovering again brings it back.
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(box.x + 2, box.y);
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => tip.isVisible()).toBe(true);

    await tip.getByRole('button', { name: 'Diesen Beitrag ignorieren' }).click();

    await expect.poll(() => tip.isVisible()).toBe(false);
    await expect
      .poll(async () => (await readMentions(lauscher)).find((m) => m.permalink === `${FEED_URL}posts/102/`)?.status, {
        timeout: 10_000,
      })
      .toBe('ignored');
    await page.close();
  });
});
