// Firefox ESR smoke test: many German administrations run Firefox ESR. The built Firefox extension is installed
// over WebDriver BiDi, the demo feed is served under www.facebook.com, and highlights and the log are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE } from '../../scripts/launch-chromium';
import { type FirefoxSession, launchFirefox } from '../../scripts/launch-firefox';

const URL = 'http://www.facebook.com/groups/musterstadt/';
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ [URL]: DEMO_PAGE });
}, 120_000);
afterAll(async () => {
  await firefox?.close();
});

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    last = await fn();
  }
  return last;
}

describe('Firefox ESR', () => {
  it('highlights the demo feed', async () => {
    await firefox.navigate(URL);
    const texts = await poll(
      () => firefox.evaluate<string[]>(`[...(CSS.highlights.get('lauscher-municipality') ?? [])].map(String)`),
      (v) => v.length > 2,
    );
    expect(texts).toContain('Musterstadt');
    const topics = await firefox.evaluate<string[]>(`[...(CSS.highlights.get('lauscher-amber') ?? [])].map(String)`);
    expect(topics).toEqual(expect.arrayContaining(['Baustelle', 'Umleitung']));
    // The page's own DOM has no trace of the highlighting.
    expect(await firefox.evaluate<number>(`document.querySelectorAll('mark, [class*="lauscher"]').length`)).toBe(0);
  });

  it('stores the mentions of the demo feed in the log', async () => {
    // Chromium logs ~15 mentions for the unscrolled demo feed (21 after scrolling); the content script batches them
    // and the background writes them through its queue, so poll the extension's IndexedDB until they are there.
    const rows = await poll(
      () => firefox.readMentions(),
      (v) => v.length >= 8,
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.mentionKey)).size).toBe(rows.length);
    expect(rows.every((r) => r.platform === 'facebook')).toBe(true);
    expect(rows.flatMap((r) => r.terms as string[])).toContain('Musterstadt');
  });
});
