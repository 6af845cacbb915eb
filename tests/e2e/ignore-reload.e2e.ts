// An ignored post stays unhighlighted after the page is reloaded: the log answers the content script's batch with
// the keys the team ignored, and the page drops their highlights (issue 15). On the real saved m.facebook.com group
// feed, served under its real hostname.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';

const URL = 'https://m.facebook.com/groups/southamericansincomputing/';
const FIXTURE = 'tests/fixtures/facebook/2021-06-m-group-feed.html';

let lauscher: Lauscher;

beforeAll(async () => {
  // Tall enough that the feed's first posts are all on screen (only on-screen ranges are registered).
  lauscher = await launchLauscher({ viewport: { width: 1280, height: 4000 } });
  await lauscher.setSetting('profile', {
    municipality: { name: 'Musterstadt', aliases: [], caseSensitive: false },
    topics: [{ id: 'test', label: 'Test', color: 'amber', terms: ['Datalover', 'gracias'], exclude: [] }],
    templates: [],
    houseFormality: 'sie',
  });
  await lauscher.serve(URL, FIXTURE);
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
