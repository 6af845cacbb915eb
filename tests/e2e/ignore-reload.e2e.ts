// An ignored post stays unhighlighted after the page is reloaded: the log answers the content script's batch with
// the keys the team ignored, and the page drops their highlights (issue 15). On a site set to "nur beobachten",
// which logs nothing, the key is kept for the browser session instead. On the real saved m.facebook.com group feed,
// served under its real hostname.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';

const URL = 'https://m.facebook.com/groups/southamericansincomputing/';
const FIXTURE = 'tests/fixtures/facebook/2021-06-m-group-feed.html';

let lauscher: Lauscher;

/** Chromium with Lauscher and a profile that matches two words of the feed, serving it; optionally site modes. */
async function launchOn(siteModes?: Record<string, string>): Promise<Lauscher> {
  // Tall enough that the feed's first posts are all on screen (only on-screen ranges are registered).
  const l = await launchLauscher({ viewport: { width: 1280, height: 4000 } });
  await l.setSetting('profile', {
    municipality: { name: 'Musterstadt', aliases: [], caseSensitive: false },
    topics: [{ id: 'test', label: 'Test', color: 'amber', terms: ['Datalover', 'gracias'], exclude: [] }],
    templates: [],
    houseFormality: 'sie',
  });
  if (siteModes) await l.setSetting('siteModes', siteModes);
  await l.serve(URL, FIXTURE);
  return l;
}

beforeAll(async () => {
  lauscher = await launchOn();
});
afterAll(async () => {
  await lauscher?.close();
});

/** Highlighted ranges on the page whose text is `word` (any case). */
async function highlighted(page: Page, word: string): Promise<number> {
  const all = Object.values(await highlightTexts(page)).flat();
  return all.filter((t) => t.toLowerCase() === word.toLowerCase()).length;
}

/** Scrolls the first text node containing `word` into view, so the painter registers its ranges. */
function scrollTo(page: Page, word: string) {
  return page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent?.includes(w)) {
        n.parentElement?.scrollIntoView({ block: 'center' });
        return true;
      }
    }
    return false;
  }, word);
}

/** The centre of the first highlighted range whose text is `word`, in viewport coordinates. */
function rangeCentre(page: Page, word: string) {
  return page.evaluate((w) => {
    for (const h of CSS.highlights.values()) {
      for (const r of h as Highlight) {
        if (r instanceof Range && r.toString().toLowerCase() === w) {
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
    }
    return null;
  }, word.toLowerCase());
}

describe('ignored posts after a reload', () => {
  it('an ignored post stays unhighlighted after a reload while the other posts stay highlighted', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(URL);
    const graciasRow = async () =>
      (await readMentions(lauscher)).find((m) => String(m.snippet).toLowerCase().includes('gracias'));
    await expect.poll(async () => (await graciasRow())?.id, { timeout: 20_000 }).toBeDefined();
    expect(await scrollTo(page, 'gracias')).toBe(true);
    await expect.poll(() => highlighted(page, 'gracias'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => highlighted(page, 'Datalover'), { timeout: 15_000 }).toBeGreaterThan(0);

    // Ignore it in the popup: the open page drops its highlights at once (the live broadcast).
    const popup = await lauscher.context.newPage();
    await popup.goto(lauscher.extensionUrl('popup.html'));
    await popup.getByTestId('digest-search').fill('gracias');
    await expect.poll(() => popup.getByTestId('mention-item').count(), { timeout: 10_000 }).toBe(1);
    await popup.getByTestId('mention-ignore').click();
    await expect.poll(async () => (await graciasRow())?.status, { timeout: 10_000 }).toBe('ignored');
    await expect.poll(() => highlighted(page, 'gracias'), { timeout: 10_000 }).toBe(0);
    const seenBefore = Number((await graciasRow())?.seenCount);
    await popup.close();

    // Reload: the page is scanned and highlighted afresh, its batch is logged (seenCount goes up), and the
    // answer names the ignored post, whose highlights go again; the other posts keep theirs.
    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    expect(await scrollTo(page, 'gracias')).toBe(true);
    await expect
      .poll(async () => Number((await graciasRow())?.seenCount), { timeout: 20_000 })
      .toBeGreaterThan(seenBefore);
    await expect.poll(() => highlighted(page, 'Datalover'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => highlighted(page, 'gracias'), { timeout: 10_000 }).toBe(0);
    expect((await graciasRow())?.status).toBe('ignored');
    // Still off once the page has settled (scrolling re-registers on-screen ranges; a forgotten post is skipped).
    await page.mouse.wheel(0, 400);
    expect(await scrollTo(page, 'gracias')).toBe(true);
    await expect.poll(() => highlighted(page, 'Datalover'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await highlighted(page, 'gracias')).toBe(0);
    await page.close();
  });
});

describe('hidden on a site that only observes', () => {
  let observer: Lauscher;
  beforeAll(async () => {
    observer = await launchOn({ facebook: 'observe' });
  });
  afterAll(async () => {
    await observer?.close();
  });

  it('a post hidden from the tooltip stays unhighlighted after a reload, and nothing is logged', async () => {
    const page = await observer.context.newPage();
    await page.goto(URL);
    expect(await scrollTo(page, 'gracias')).toBe(true);
    await expect.poll(() => highlighted(page, 'gracias'), { timeout: 15_000 }).toBeGreaterThan(0);
    const at = await rangeCentre(page, 'gracias');
    expect(at).not.toBeNull();
    if (!at) return;
    await page.mouse.move(at.x - 30, at.y + 120);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const tip = page.getByRole('dialog', { name: 'Lauscher' });
    await expect.poll(() => tip.isVisible(), { timeout: 10_000 }).toBe(true);
    await tip.getByRole('button', { name: 'Diesen Beitrag ignorieren' }).click();
    await expect.poll(() => highlighted(page, 'gracias'), { timeout: 10_000 }).toBe(0);

    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    expect(await scrollTo(page, 'gracias')).toBe(true);
    await expect.poll(() => highlighted(page, 'Datalover'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => highlighted(page, 'gracias'), { timeout: 10_000 }).toBe(0);
    await page.mouse.wheel(0, 400);
    expect(await scrollTo(page, 'gracias')).toBe(true);
    await page.waitForTimeout(1000);
    expect(await highlighted(page, 'gracias')).toBe(0);
    // "observe only" keeps its promise: no row in the log, the key only in session storage
    expect(await readMentions(observer)).toEqual([]);
    const stored = await observer.worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as { chrome: { storage: Record<'session' | 'local', { get(k: null): Promise<object> }> } }
      ).chrome;
      return { session: await chrome.storage.session.get(null), local: await chrome.storage.local.get(null) };
    });
    expect(Object.keys(stored.local)).not.toContain('hiddenPosts');
    expect((stored.session as { hiddenPosts?: string[] }).hiddenPosts).toHaveLength(1);
    await page.close();
  });
});
