// Starts Debian's Chromium with the built extension loaded, and serves pages under real hostnames from local
// files. Shared by `npm start` (the demo) and the end-to-end tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROME_BUILD = join(ROOT, '.output', 'chrome-mv3');
/** `wxt build --mode e2e`: the same extension with the reserved .example test domain pre-granted. */
export const CHROME_E2E_BUILD = join(ROOT, '.output', 'chrome-mv3-e2e');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_URL = 'https://www.facebook.com/groups/musterstadt/';
export const DEMO_PAGE = join(ROOT, 'demo', 'musterstadt-gruppe.html');

export interface Lauscher {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl(page: 'popup.html' | 'sidepanel.html' | 'options.html'): string;
  /** Writes settings as the options page would (extension storage, through the service worker). */
  setSetting(key: string, value: unknown): Promise<void>;
  /** Serves `file` for every request whose URL matches `url`. */
  serve(url: string | RegExp, file: string, contentType?: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchLauscher(
  options: {
    headless?: boolean;
    viewport?: { width: number; height: number };
    lang?: 'de' | 'en';
    build?: string;
    /** Reuse this browser profile (an update on the same profile); it is kept on close. Default: a fresh one. */
    profileDir?: string;
  } = {},
) {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'lauscher-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'de-DE',
    // Chromium on Linux takes its UI language (and so the extension's _locales choice) from LANGUAGE.
    env: { ...process.env, LANGUAGE: options.lang ?? 'de', LANG: 'de_DE.UTF-8' },
    args: [
      `--disable-extensions-except=${options.build ?? CHROME_BUILD}`,
      `--load-extension=${options.build ?? CHROME_BUILD}`,
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'de'}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  // Nothing may leave the machine: every request not served from a local file fails.
  // The one exception is a test server on this machine's loopback address (the team-sync CouchDB in e2e).
  await context.route(/^(https?|wss?):\/\//, (route) =>
    /^http:\/\/127\.0\.0\.1:\d+\//.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  // First run opens the settings (welcome); let that settle so it cannot take over a page a test opens next.
  const welcome = `chrome-extension://${extensionId}/options.html`;
  for (let i = 0; i < 50 && !context.pages().some((p) => p.url().startsWith(welcome)); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }

  const lauscher: Lauscher = {
    context,
    worker,
    extensionId,
    extensionUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async setSetting(key, value) {
      await worker.evaluate(
        ([k, v]) =>
          (
            globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }
          ).chrome.storage.local.set({ [k as string]: v }),
        [key, value] as const,
      );
    },
    async serve(url, file, contentType = 'text/html; charset=utf-8') {
      const body = readFileSync(file);
      await context.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return lauscher;
}

/** The text of every range in Lauscher's highlights, per highlight name. */
export function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('lauscher-')) continue;
      out[name] = [...(h as Highlight)].map((r) => r.toString());
    }
    return out;
  });
}

/** Reads the mention log straight from IndexedDB in an extension page (same origin as the background). */
export async function readMentions(lauscher: Lauscher, page?: Page) {
  const p = page ?? (await lauscher.context.newPage());
  if (!page) await p.goto(lauscher.extensionUrl('popup.html'));
  const rows = await p.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const req = indexedDB.open('lauscher');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('mentions')) return resolve([]);
          const all = db.transaction('mentions').objectStore('mentions').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
  if (!page) await p.close();
  return rows;
}
