// The thin thread through every room: highlight on a routed facebook.com page, log, popup, side panel, options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PAGE,
  DEMO_URL,
  highlightTexts,
  type Lauscher,
  launchLauscher,
  readMentions,
} from '../../scripts/launch-chromium';

let lauscher: Lauscher;

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

async function waitForHighlights(page: import('playwright-core').Page, predicate: string) {
  await page.waitForFunction(predicate, undefined, { timeout: 15_000 });
}

describe('demo feed on www.facebook.com', () => {
  it('highlights the town and topic terms without changing the page DOM, logs them, and shows them in the popup', async () => {
    const page = await lauscher.context.newPage();
    // Record every DOM mutation from the start; only the page's own scripts may cause any.
    await page.addInitScript(() => {
      const w = window as unknown as { __mutations: number; __pageMutations: number };
      w.__mutations = 0;
      new MutationObserver((records) => {
        w.__mutations += records.length;
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      // The shipped build has no test hooks: the page cannot tell Lauscher is there.
      const v = window as unknown as { __lauscherEvents: number };
      v.__lauscherEvents = 0;
      for (const type of ['lauscher:idle', 'lauscher:logged'])
        document.addEventListener(type, () => v.__lauscherEvents++);
    });
    await page.goto(DEMO_URL);
    await waitForHighlights(page, `(CSS.highlights.get('lauscher-municipality')?.size ?? 0) > 3`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const mutationsBefore = await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations);

    const texts = await highlightTexts(page);
    const municipality = texts['lauscher-municipality'] ?? [];
    expect(municipality).toContain('Musterstadt');
    expect(texts['lauscher-amber']).toEqual(expect.arrayContaining(['Baustelle', 'Umleitung', 'Stau']));
    expect(texts['lauscher-red']).toEqual(expect.arrayContaining(['Angeblich', 'Gerücht', 'Fake']));
    // Nothing inside the comment editor (contenteditable) is ever highlighted.
    const all = Object.values(texts).flat();
    expect(all).not.toContain('Schreibe einen Kommentar');

    // Highlighting did not touch the page: after the first paint, waiting longer changes nothing.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(mutationsBefore);
    expect(await page.evaluate(() => document.querySelectorAll('mark, [class*="lauscher"]').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __lauscherEvents: number }).__lauscherEvents)).toBe(0);

    // Further down (only ranges near the viewport are registered): inflections and hashtags.
    await page.getByText('Sonnenuntergang').scrollIntoViewIfNeeded();
    await waitForHighlights(
      page,
      `[...(CSS.highlights.get('lauscher-municipality') ?? [])].some((r) => r.toString() === '#musterstadt')`,
    );
    expect((await highlightTexts(page))['lauscher-municipality']).toContain('Musterstadts'); // genitive, not configured

    // Infinite scroll: posts appended later are highlighted too.
    await page.evaluate(() => (window as unknown as { __demoLoadMore(): void }).__demoLoadMore());
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await waitForHighlights(
      page,
      `[...(CSS.highlights.get('lauscher-blue') ?? [])].some((r) => r.toString() === 'Unwetterwarnung')`,
    );

    // Logged once per post/comment, with permalinks, in the extension's IndexedDB.
    await expect.poll(async () => (await readMentions(lauscher)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(8);
    const rows = await readMentions(lauscher);
    const keys = rows.map((r) => r.mentionKey);
    expect(new Set(keys).size).toBe(keys.length);
    const baustelle = rows.find((r) => String(r.snippet).includes('Bahnhofstraße'));
    expect(baustelle?.permalink).toBe('https://www.facebook.com/groups/musterstadt/posts/1001/');
    expect(baustelle?.platform).toBe('facebook');
    expect(baustelle?.topicIds).toEqual(expect.arrayContaining(['municipality', 'bau']));
    expect(String(baustelle?.author)).toMatch(/^Person [0-9A-F]{4}$/); // pseudonymised by default
    // A comment whose author name also matches ("Stadt Musterstadt") keeps its text, not the name, as snippet.
    await expect
      .poll(async () => (await readMentions(lauscher)).some((r) => String(r.snippet).startsWith('Hallo Marco')), {
        timeout: 10_000,
      })
      .toBe(true);
    expect((await readMentions(lauscher)).some((r) => r.snippet === 'Stadt Musterstadt')).toBe(false);

    // Popup: today's count equals the log.
    const popup = await lauscher.context.newPage();
    await popup.goto(lauscher.extensionUrl('popup.html'));
    const stored = (await readMentions(lauscher, popup)).length;
    await expect.poll(async () => Number(await popup.getByTestId('digest-today-count').textContent())).toBe(stored);
    await expect.poll(() => popup.getByTestId('mention-item').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: 'test-results/popup.png' });
    await page.screenshot({ path: 'test-results/demo-feed.png' });
    await popup.close();
    await page.close();
  });

  it('side panel shows reply templates and copies one to the clipboard', async () => {
    const panel = await lauscher.context.newPage();
    // Headless Chromium cannot grant clipboard-read to an extension origin: record what the page writes instead.
    await panel.addInitScript(() => {
      const w = window as unknown as { __clipboard: string };
      w.__clipboard = '';
      navigator.clipboard.writeText = async (text: string) => {
        w.__clipboard = text;
      };
    });
    await panel.goto(lauscher.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.getByTestId('template-item').count()).toBeGreaterThan(0);
    const first = panel.getByTestId('template-item').first();
    const text = await first.getByTestId('template-preview').textContent();
    expect(text).toContain('Musterstadt'); // {{kommune}} filled
    expect(text).not.toContain('{{');
    await first.getByRole('button', { name: 'Kopieren' }).click();
    await expect
      .poll(() => panel.evaluate(() => (window as unknown as { __clipboard: string }).__clipboard))
      .toBe(text);
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe('Kopiert');
    await panel.close();
  });

  it('options: a new town name re-highlights the open page', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await waitForHighlights(page, `(CSS.highlights.get('lauscher-municipality')?.size ?? 0) > 0`);
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    const name = options.getByLabel('Kommune', { exact: true });
    await expect.poll(() => name.inputValue()).toBe('Musterstadt');
    await name.fill('Mühlbach');
    await options.getByTestId('options-save').click();
    await expect.poll(() => options.getByTestId('options-status').textContent()).toBe('Gespeichert');
    await waitForHighlights(
      page,
      `[...(CSS.highlights.get('lauscher-municipality') ?? [])].map(String).join('|') === 'Mühlbach'`,
    );
    // Terms are edited in inputs labelled "Begriffe".
    expect(await options.getByLabel('Begriffe').count()).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });
});
