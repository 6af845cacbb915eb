// The mention navigator for keyboard and screen-reader users, in real Chromium with the built extension on the demo
// feed under www.facebook.com: the shortcuts walk the mentions in reading order, outline each, show its tooltip and
// read it through the live region; the side panel's "Auf dieser Seite" lists them, grows with the feed and jumps;
// the tooltip opens for keyboard focus and hands focus back.
//
// Playwright's key presses are delivered to the page (CDP input), not to the browser's shortcut handling, so
// Alt+Shift+J never reaches `commands` here (checked below): the tests run a command the way the background's
// commands.onCommand listener receives it, through the e2e build's hook on the service worker.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_E2E_BUILD, DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher } from '../../scripts/launch-chromium';

let lauscher: Lauscher;
let feed: Page;
let panel: Page;

const ANNOUNCE = /^Erwähnung (\d+) von (\d+): (.+?) – ‚(.+?)‘(?: in (Beitrag|Kommentar) von (.+))?$/;

function runCommand(command: 'nav-next' | 'nav-previous' | 'nav-open') {
  return lauscher.worker.evaluate(
    (c) => (globalThis as unknown as { lauscherRunCommand(c: string): Promise<void> }).lauscherRunCommand(c),
    command,
  );
}

const live = () => feed.getByRole('status', { name: 'Lauscher-Ansagen' });
const liveText = async () => ((await live().textContent()) ?? '').trim();

/** Runs a command and waits for the live region to read something other than `before`. */
async function step(command: 'nav-next' | 'nav-previous', before: string): Promise<string> {
  await runCommand(command);
  await expect.poll(liveText, { timeout: 10_000 }).not.toBe(before);
  await expect.poll(liveText, { timeout: 10_000 }).toMatch(ANNOUNCE);
  return liveText();
}

/** The outline box (document coordinates) and the text of the registered highlight it sits on. */
function outlined() {
  return feed.evaluate(() => {
    const host = document.querySelector('lauscher-ui[data-lauscher="navigator"]');
    const box = host?.shadowRoot?.querySelector('.outline') as HTMLElement | null;
    if (!box || box.hidden) return null;
    const r = box.getBoundingClientRect();
    let under = '';
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('lauscher-')) continue;
      for (const range of h as Highlight) {
        const q = (range as Range).getBoundingClientRect();
        if (q.left >= r.left && q.right <= r.right && q.top >= r.top && q.bottom <= r.bottom) under = range.toString();
      }
    }
    return { top: r.top + window.scrollY, left: r.left + window.scrollX, under };
  });
}

beforeAll(async () => {
  lauscher = await launchLauscher({ build: CHROME_E2E_BUILD });
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
  feed = await lauscher.context.newPage();
  await feed.goto(DEMO_URL);
  await feed.waitForFunction(() => ((CSS.highlights.get('lauscher-amber') as Highlight | undefined)?.size ?? 0) > 0, {
    timeout: 20_000,
  });
  panel = await lauscher.context.newPage();
  await panel.goto(lauscher.extensionUrl('sidepanel.html'));
  // The side panel lists the mentions of the active tab: the feed, as when the panel sits beside it.
  await feed.bringToFront();
});
afterAll(async () => {
  await lauscher?.close();
});

const heading = () => panel.getByRole('heading', { name: /^Auf dieser Seite \(\d+\)$/ });
const listed = async () => Number((/\((\d+)\)/.exec((await heading().textContent()) ?? '') ?? [])[1] ?? -1);

describe('mention navigator', () => {
  let total = 0;

  it('"Auf dieser Seite" counts the page\'s mentions and grows as the feed loads more posts', async () => {
    await expect.poll(listed, { timeout: 15_000 }).toBeGreaterThan(0);
    const first = await listed();
    // Load the rest of the feed, as scrolling to its end does.
    await expect
      .poll(
        () =>
          feed.evaluate(() => {
            (window as unknown as { __demoLoadMore(): void }).__demoLoadMore();
            return document.getElementById('loading')?.textContent ?? '';
          }),
        { timeout: 15_000 },
      )
      .toBe('Keine weiteren Beiträge.');
    await feed.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(listed, { timeout: 15_000 }).toBeGreaterThan(first);
    // Settled: two polls of the panel apart, the same count.
    await expect
      .poll(
        async () => {
          const a = await listed();
          await new Promise((r) => setTimeout(r, 2000));
          return a === (await listed()) ? a : -1;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(first);
    total = await listed();
    const items = panel.getByTestId('on-this-page-list').getByRole('button');
    expect(await items.count()).toBe(total);
    expect(await items.first().getAttribute('aria-label')).toMatch(/^1\. .+ – ‚.+‘: .+\. Zu dieser Erwähnung/);
  });

  it('a key press in the page does not reach the browser-level shortcut (why the tests run the command)', async () => {
    await feed.keyboard.press('Alt+Shift+J');
    await new Promise((r) => setTimeout(r, 1000));
    // The navigator's UI is created on its first move: nothing moved.
    expect(await feed.locator('lauscher-ui[data-lauscher="navigator"]').count()).toBe(0);
  });

  it('next walks every mention in reading order: scrolled to, outlined, tooltip shown, read by the live region', async () => {
    let said = '';
    let last = { top: -1, left: -1 };
    const seen: string[] = [];
    for (let i = 1; i <= total; i++) {
      said = await step('nav-next', said);
      const m = ANNOUNCE.exec(said) as RegExpExecArray;
      expect([Number(m[1]), Number(m[2])]).toEqual([i, total]);
      seen.push(said);
      // The outline sits on a highlight with the announced term, further down the page than the one before.
      const box = await outlined();
      expect(box?.under).toBe(m[4]);
      const b = box as { top: number; left: number };
      expect(b.top > last.top + 2 || (Math.abs(b.top - last.top) <= 2 && b.left > last.left)).toBe(true);
      last = b;
      // The tooltip is open for it, with the same topic.
      const tip = feed.getByRole('dialog', { name: 'Lauscher' });
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toContain(m[3]);
      if (i === 3) await feed.screenshot({ path: 'test-results/navigator-outline.png' });
    }
    // Authors are named the way the log stores them (pseudonym by default), posts and comments told apart.
    expect(seen.some((s) => / in Beitrag von Person [0-9A-F]{4}$/.test(s))).toBe(true);
    expect(seen.some((s) => / in Kommentar von Person [0-9A-F]{4}$/.test(s))).toBe(true);
    // Past the last one it starts again at the first; previous goes back.
    said = await step('nav-next', said);
    expect(said).toBe(seen[0]);
    said = await step('nav-previous', said);
    expect(said).toBe(seen[total - 1]);
    said = await step('nav-previous', said);
    expect(said).toBe(seen[total - 2]);
  });

  it('"open the current one" puts that mention in the side panel', async () => {
    await runCommand('nav-open');
    await expect
      .poll(
        () =>
          lauscher.worker.evaluate(() =>
            (
              globalThis as unknown as {
                chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
              }
            ).chrome.storage.session.get('activeMention'),
          ),
        { timeout: 10_000 },
      )
      .toHaveProperty('activeMention.mentionKey');
    const tipText = (await feed.getByRole('dialog', { name: 'Lauscher' }).textContent()) ?? '';
    await expect.poll(() => panel.getByTestId('mention-card').first().isVisible(), { timeout: 10_000 }).toBe(true);
    const topic = (ANNOUNCE.exec(await liveText()) as RegExpExecArray)[3] as string;
    expect(tipText).toContain(topic);
    expect(await panel.getByTestId('mention-card').first().textContent()).toContain(topic);
  });

  it('a mention picked in "Auf dieser Seite" is scrolled to and read out; the list marks it current', async () => {
    const item = panel.getByTestId('on-this-page-list').getByRole('button').nth(2);
    await item.click();
    await expect.poll(liveText, { timeout: 10_000 }).toMatch(new RegExp(`^Erwähnung 3 von ${total}: `));
    await expect.poll(() => item.getAttribute('aria-current'), { timeout: 10_000 }).toBe('true');
    await panel.getByTestId('on-this-page').screenshot({ path: 'test-results/navigator-sidepanel.png' });
  });

  it('keyboard focus in a highlighted post opens the tooltip; Alt+ArrowDown, Escape and Tab hand focus back', async () => {
    await feed.evaluate(() => window.scrollTo(0, 0));
    const tip = feed.getByRole('dialog', { name: 'Lauscher' });
    await feed.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    // The author link of the first post that has a topic highlight.
    const link = feed.locator('[aria-posinset="1"] h3 a').first();
    await link.focus();
    await expect.poll(() => tip.isVisible(), { timeout: 10_000 }).toBe(true);
    // A screen reader hears that it opened and how to reach it (the tooltip itself is not focused).
    await expect
      .poll(liveText, { timeout: 10_000 })
      .toMatch(
        /^Lauscher: Baustelle\/Verkehr – ‚Baustelle‘\. Alt\+Pfeil nach unten: zu den Schaltflächen · Esc: schließen$/,
      );
    await feed.keyboard.press('Alt+ArrowDown');
    const open = tip.getByRole('button', { name: 'In Seitenleiste öffnen' });
    await expect
      .poll(() => open.evaluate((b) => b.getRootNode() instanceof ShadowRoot && b.matches(':focus')))
      .toBe(true);
    await feed.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(await link.evaluate((a) => document.activeElement === a)).toBe(true);
    // Focus back on the link reopens nothing by itself; moving focus into it again does.
    await feed.keyboard.press('Shift+Tab');
    await feed.keyboard.press('Tab');
    await expect.poll(() => tip.isVisible(), { timeout: 10_000 }).toBe(true);
    await feed.keyboard.press('Alt+ArrowDown');
    await feed.keyboard.press('Tab'); // to "Diesen Beitrag ignorieren"
    await feed.keyboard.press('Tab'); // past the end: back to the page
    await expect.poll(() => tip.isVisible()).toBe(false);
    expect(await link.evaluate((a) => document.activeElement === a)).toBe(true);
  });
});
