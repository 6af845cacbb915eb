// DSGVO by design in the real browser: Messenger pages are never observed (also when reached by SPA navigation from a
// group), "observe only" highlights without logging, two colleagues with one team profile see the same pseudonym for
// the same author, and the generated VVT/DSFA/Art. 14 texts follow the retention setting (screen and print view).
// The Messenger page is the demo feed's HTML served under a real Messenger URL: what matters there is the URL.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PAGE,
  DEMO_URL,
  highlightTexts,
  type Lauscher,
  launchLauscher,
  readMentions,
} from '../../scripts/launch-chromium';

const MESSAGES_URL = 'https://www.facebook.com/messages/t/100093469632849/';
const FACEBOOK = /^https:\/\/www\.facebook\.com\/(groups|messages)\//;

async function highlightCount(page: import('playwright-core').Page): Promise<number> {
  return Object.values(await highlightTexts(page)).reduce((n, list) => n + list.length, 0);
}

async function settledRows(lauscher: Lauscher, page: import('playwright-core').Page) {
  // The log stops growing once the scan is done and the last batch is written.
  let last = -1;
  for (
    let n = (await readMentions(lauscher)).length;
    n !== last || n === 0;
    n = (await readMentions(lauscher)).length
  ) {
    last = n;
    await page.waitForTimeout(1000);
  }
  return readMentions(lauscher);
}

describe('private areas', () => {
  let lauscher: Lauscher;
  beforeAll(async () => {
    lauscher = await launchLauscher();
    await lauscher.serve(FACEBOOK, DEMO_PAGE);
  });
  afterAll(async () => {
    await lauscher?.close();
  });

  it('a Messenger page gets no highlight and no log row', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(MESSAGES_URL);
    await page.waitForTimeout(3000);
    expect(await highlightCount(page)).toBe(0);
    // Not even the stylesheet: nothing of Lauscher ran beyond the URL check.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(await readMentions(lauscher)).toEqual([]);
    // The same page outside the private area is highlighted: the content script was there all along.
    await page.evaluate(() => history.pushState({}, '', '/groups/musterstadt/'));
    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await page.close();
  });

  it('navigating from a group into Messenger (history.pushState) stops highlighting and logging, and back starts it', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await settledRows(lauscher, page);
    expect(before.length).toBeGreaterThan(0);

    await page.evaluate(() => history.pushState({}, '', '/messages/t/100093469632849/'));
    await expect.poll(() => highlightCount(page), { timeout: 10_000 }).toBe(0);
    // A private message arriving in the chat: it mentions the town and a topic, and must stay unseen.
    await page.evaluate(() => {
      const msg = document.createElement('div');
      msg.setAttribute('role', 'article');
      msg.textContent = 'Privat: In Musterstadt ist die Baustelle am Bahnhof wieder gesperrt, Hochwasser im Keller.';
      document.body.prepend(msg);
    });
    await page.waitForTimeout(3000);
    expect(await highlightCount(page)).toBe(0);
    const during = await readMentions(lauscher);
    expect(during.length).toBe(before.length);
    expect(
      during.filter((r) => String(r.snippet).includes('Privat:') || String(r.pageUrl).includes('/messages/')),
    ).toEqual([]);

    await page.evaluate(() => {
      document.querySelector('[role="article"]')?.remove();
      history.pushState({}, '', '/groups/musterstadt/');
    });
    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  });
});

describe('site modes', () => {
  let lauscher: Lauscher;
  beforeAll(async () => {
    lauscher = await launchLauscher();
    await lauscher.serve(DEMO_URL, DEMO_PAGE);
  });
  afterAll(async () => {
    await lauscher?.close();
  });

  it('"observe only" set in the options highlights but logs nothing', async () => {
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    await options.getByLabel('Was Lauscher auf Facebook tut').selectOption('observe');
    await expect
      .poll(() =>
        lauscher.worker.evaluate(() =>
          (
            globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }
          ).chrome.storage.local.get('siteModes'),
        ),
      )
      .toEqual({ siteModes: { facebook: 'observe' } });
    await options
      .locator('section[aria-labelledby="sites-heading"]')
      .screenshot({ path: 'test-results/site-modes.png' });

    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(4000);
    expect(await readMentions(lauscher)).toEqual([]);

    // Back to "log": the same page now fills the log (so the empty log above was the mode, not a broken page).
    await options.getByLabel('Was Lauscher auf Facebook tut').selectOption('log');
    await page.reload();
    await expect.poll(async () => (await readMentions(lauscher)).length, { timeout: 20_000 }).toBeGreaterThan(0);

    // "Off": nothing at all, not even highlights.
    await options.getByLabel('Was Lauscher auf Facebook tut').selectOption('off');
    await page.reload();
    await page.waitForTimeout(3000);
    expect(await highlightCount(page)).toBe(0);
    await options.close();
    await page.close();
  });
});

describe('team pseudonyms', () => {
  it('two browser profiles with the same team profile give the same pseudonym for the same author', async () => {
    const a = await launchLauscher();
    let profileFile: Buffer;
    let fingerprintA: string | null;
    let authorsA: Map<string, string>;
    try {
      await a.serve(DEMO_URL, DEMO_PAGE);
      const options = await a.context.newPage();
      await options.goto(a.extensionUrl('options.html'));
      await expect.poll(() => options.getByTestId('key-fingerprint').count()).toBe(1);
      fingerprintA = await options.getByTestId('key-fingerprint').textContent();
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByTestId('export-profile').click(),
      ]);
      profileFile = readFileSync(await download.path());
      expect(JSON.parse(profileFile.toString('utf8')).profile.pseudonymKey).toMatch(/^[0-9a-f]{64}$/);
      const page = await a.context.newPage();
      await page.goto(DEMO_URL);
      const rows = await settledRows(a, page);
      authorsA = new Map(rows.map((r) => [String(r.mentionKey), String(r.author)]));
    } finally {
      await a.close();
    }
    expect([...authorsA.values()].every((x) => /^Person [0-9A-F]{4}$/.test(x) || x === '')).toBe(true);
    expect(new Set(authorsA.values()).size).toBeGreaterThan(2);

    const b = await launchLauscher();
    try {
      await b.serve(DEMO_URL, DEMO_PAGE);
      const options = await b.context.newPage();
      await options.goto(b.extensionUrl('options.html'));
      await expect.poll(() => options.getByTestId('key-fingerprint').count()).toBe(1);
      // A fresh installation has a key of its own until it loads the team profile.
      expect(await options.getByTestId('key-fingerprint').textContent()).not.toBe(fingerprintA);
      await options
        .getByLabel('Teamprofil laden')
        .setInputFiles({ name: 'teamprofil.json', mimeType: 'application/json', buffer: profileFile });
      // The import shows what changes and applies on confirmation (issue 14).
      await options.getByTestId('profile-import-apply').click();
      await expect.poll(() => options.getByTestId('key-fingerprint').textContent()).toBe(fingerprintA);
      const page = await b.context.newPage();
      await page.goto(DEMO_URL);
      const rows = await settledRows(b, page);
      const authorsB = new Map(rows.map((r) => [String(r.mentionKey), String(r.author)]));
      expect(authorsB).toEqual(authorsA);

      // Rotating the key (one button, after a warning) starts new pseudonyms.
      options.once('dialog', (d) => {
        expect(d.message()).toContain('neue Pseudonyme');
        void d.accept();
      });
      await options.getByRole('button', { name: 'Neuen Schlüssel erzeugen' }).click();
      await expect.poll(() => options.getByTestId('key-fingerprint').textContent()).not.toBe(fingerprintA);
    } finally {
      await b.close();
    }
  });
});

describe('privacy paperwork', () => {
  let lauscher: Lauscher;
  beforeAll(async () => {
    lauscher = await launchLauscher();
  });
  afterAll(async () => {
    await lauscher?.close();
  });

  it('the VVT/DSFA/Art. 14 texts follow the retention setting, print alone and download as text', async () => {
    const page = await lauscher.context.newPage();
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.goto(lauscher.extensionUrl('options.html'));
    const vvt = page.getByTestId('paper-vvt');
    await expect.poll(() => vvt.textContent()).toContain('90 Tage nach dem letzten Sehen');
    expect(await page.getByTestId('paper-dsfa').textContent()).toContain('Speicherdauer: 90 Tage');
    expect(await page.getByTestId('paper-art14').textContent()).toContain('Wir löschen jeden Eintrag 90 Tage');
    // The demo town is nobody's choice: the papers leave a gap instead.
    expect(await vvt.textContent()).toContain('[Name der Kommune – in Lauscher noch nicht eingestellt]');

    await page.getByLabel('Aufbewahrung in Tagen (7–365)').fill('30');
    await page.getByLabel('Aufbewahrung in Tagen (7–365)').press('Tab');
    await expect.poll(() => vvt.textContent()).toContain('30 Tage nach dem letzten Sehen');
    expect(await vvt.textContent()).not.toContain('90 Tage');
    expect(await page.getByTestId('paper-dsfa').textContent()).toContain('Speicherdauer: 30 Tage');

    await page.locator('#privacy').screenshot({ path: 'test-results/privacy-section.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('#privacy').screenshot({ path: 'test-results/privacy-section-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('papers-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^lauscher-datenschutz-\d{4}-\d{2}-\d{2}\.txt$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain('Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)');
    expect(text).toContain('30 Tage nach dem letzten Sehen');
    expect(text).toContain('Datenschutzinformation nach Art. 14 DSGVO');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'Lauscher – Einstellungen' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Aufbewahrung in Tagen (7–365)').isVisible()).toBe(false);
    expect(await page.getByTestId('papers-print').isVisible()).toBe(false);
    expect(await vvt.isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/privacy-print.png', fullPage: true });
    await page.close();
  });
});

describe('exports', () => {
  it('carry pseudonyms by default, also for entries logged earlier with names, and the UI says so', async () => {
    const lauscher = await launchLauscher();
    try {
      await lauscher.serve(DEMO_URL, DEMO_PAGE);
      const options = await lauscher.context.newPage();
      await options.goto(lauscher.extensionUrl('options.html'));
      const hint = options.getByTestId('export-authors-hint');
      await expect.poll(() => hint.textContent()).toContain('nur als Pseudonym');
      await options.getByRole('radio', { name: 'mit Namen' }).check();
      await expect.poll(() => hint.textContent()).toContain('enthalten die Namen');
      await expect.poll(() => options.getByTestId('paper-vvt').textContent()).toContain('im Klartext');

      const page = await lauscher.context.newPage();
      await page.goto(DEMO_URL);
      const rows = await settledRows(lauscher, page);
      const names = [...new Set(rows.map((r) => String(r.author)).filter(Boolean))];
      expect(names.length).toBeGreaterThan(2);
      expect(names.some((n) => /^Person [0-9A-F]{4}$/.test(n))).toBe(false);

      // The team switches back to pseudonyms: the names already in the log do not leave the browser.
      await options.getByRole('radio', { name: /pseudonymisiert/ }).check();
      await expect.poll(() => hint.textContent()).toContain('nur als Pseudonym');
      const [download] = await Promise.all([
        options.waitForEvent('download'),
        options.getByTestId('export-csv').click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
      const [header, ...body] = Papa.parse<string[]>(csv, { delimiter: ';' }).data.filter((r) => r.length > 1);
      const col = header?.indexOf('Autor') ?? -1;
      expect(col).toBeGreaterThanOrEqual(0);
      const exported = body.map((r) => r[col]);
      expect(exported).toHaveLength(rows.length);
      expect(exported.every((a) => a === '' || /^Person [0-9A-F]{4}$/.test(String(a)))).toBe(true);
      expect(exported.filter(Boolean).length).toBeGreaterThan(2);
    } finally {
      await lauscher.close();
    }
  });
});
