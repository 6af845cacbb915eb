// The template editor in the options as a team uses it: the placeholders it may use, unknown ones flagged as typed,
// Sie/Du and the house formality, approval with an expiry date, and a version that every edit bumps and that
// a mention answered with the template records.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';
import type { Profile } from '../../utils/settings';

let lauscher: Lauscher;

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

async function storedProfile(): Promise<Profile> {
  return (await lauscher.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<object> } } } })
      .chrome;
    return ((await chrome.storage.local.get('profile')) as { profile: unknown }).profile;
  })) as Profile;
}

async function save(page: Page) {
  await page.getByTestId('options-save').click();
  await expect.poll(() => page.getByTestId('options-status').textContent()).toBe('Gespeichert');
}

/** "YYYY-MM-DD" of a day relative to today (local time, as the date input shows it). */
function day(offset: number): string {
  const d = new Date(Date.now() + offset * 86400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('template editor', () => {
  it('lists the placeholders, flags unknown ones as you type, bumps versions and handles approval', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('options.html'));
    const list = page.getByTestId('template-placeholders');
    await expect.poll(() => list.textContent()).toContain('{{anrede}}');
    for (const p of ['{{autor}}', '{{kommune}}', '{{sprechzeiten}}', '{{plattform}}', '{{thema}}', '{{datum}}']) {
      expect(await list.textContent()).toContain(p);
    }
    expect(await list.textContent()).toContain('„Hallo Anna Schmidt,“');
    expect(await list.textContent()).toContain('hier „Musterstadt“');
    // The starter set: 16 replies, each in Sie and Du.
    expect(await page.getByTestId('template-fieldset').count()).toBe(32);

    // Each template opens on demand; the summary tells version and approval.
    const first = page.getByTestId('template-entry').first();
    expect(await first.getByTestId('template-summary').textContent()).toBe(
      'Danke für den Hinweis (Sie) · Version 1 · nicht freigegeben',
    );
    expect(await first.getAttribute('open')).toBeNull();
    await first.getByTestId('template-summary').focus();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('open')).toBe('');
    expect(await first.locator('legend').first().textContent()).toBe('Danke für den Hinweis (Sie)');
    const body = first.getByLabel('Text', { exact: true });
    expect(await body.getAttribute('aria-invalid')).toBeNull();
    await body.press('End');
    await body.pressSequentially(' Ihre {{gemeinde}}');
    const problems = first.getByTestId('template-problems');
    await expect
      .poll(() => problems.textContent())
      .toBe('{{gemeinde}} ist kein Platzhalter – gemeint ist wohl {{kommune}}.');
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    // The hint is tied to the field for screen readers.
    const describedBy = (await body.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('{{gemeinde}}');
    expect(await first.getByTestId('template-version').textContent()).toBe(
      'Geändert: Beim Speichern wird daraus Version 2.',
    );
    const section = page.getByRole('region', { name: 'Antwortbausteine' });
    await page.screenshot({ path: 'test-results/options-templates.png', fullPage: true, clip: await topOf(section) });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({
      path: 'test-results/options-templates-dark.png',
      fullPage: true,
      clip: await topOf(section),
    });
    await page.emulateMedia({ colorScheme: 'light' });

    // Fixed as suggested; approved, valid until yesterday.
    await body.fill((await body.inputValue()).replace(' Ihre {{gemeinde}}', ''));
    await expect.poll(() => problems.count()).toBe(0);
    await first.getByLabel('Freigegeben von').fill('Pressestelle, Frau Berger');
    await first.getByLabel('Freigegeben am').fill(day(-30));
    await first.getByLabel('Gültig bis (einschließlich)').fill(day(-1));
    await expect.poll(() => first.getByTestId('template-expired').count()).toBe(1);
    await save(page);
    let tpl = (await storedProfile()).templates[0];
    expect(tpl).toMatchObject({ id: 'danke-sie', version: 1, approvedBy: 'Pressestelle, Frau Berger' });
    expect(new Date(tpl?.validUntil ?? 0).getHours()).toBe(23); // the whole last day counts

    // Valid again from today on; a changed wording is version 2 and needs a new approval.
    await first.getByLabel('Gültig bis (einschließlich)').fill(day(+60));
    await expect.poll(() => first.getByTestId('template-expired').count()).toBe(0);
    await first.getByLabel('Titel').fill('Danke für Ihren Hinweis');
    await expect
      .poll(() => first.getByTestId('template-version').textContent())
      .toBe('Geändert: Beim Speichern wird daraus Version 2, und die Freigabe muss erneuert werden.');
    await save(page);
    tpl = (await storedProfile()).templates[0];
    expect(tpl?.version).toBe(2);
    expect(tpl?.approvedBy).toBeUndefined();
    await expect.poll(() => first.getByTestId('template-version').textContent()).toBe('Version 2');
    // Changing only the topics is no new wording.
    await first.getByLabel('Baustelle/Verkehr').check();
    await save(page);
    expect((await storedProfile()).templates[0]?.version).toBe(2);

    // The house formality: the team says "Du".
    await page.getByLabel('Übliche Anrede Ihres Teams').selectOption('du');
    await save(page);
    expect((await storedProfile()).houseFormality).toBe('du');
    await page.getByLabel('Übliche Anrede Ihres Teams').selectOption('sie');
    await save(page);
    await page.close();
  });

  it('a mention answered with the edited template records its id and version', async () => {
    const feed = await lauscher.context.newPage();
    await feed.goto(DEMO_URL);
    await expect
      .poll(async () => (await readMentions(lauscher)).some((r) => String(r.snippet).includes('Bahnhofstraße')), {
        timeout: 15_000,
      })
      .toBe(true);
    const panel = await lauscher.context.newPage();
    await panel.goto(lauscher.extensionUrl('sidepanel.html'));
    const mention = panel.getByTestId('sidepanel-recent').getByRole('button').filter({ hasText: 'Bahnhofstraße' });
    await expect.poll(() => mention.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await mention.first().click();
    const card = panel
      .getByRole('region', { name: 'Vorgeschlagene Bausteine' })
      .getByTestId('template-item')
      .filter({ hasText: 'Danke für Ihren Hinweis' });
    await expect.poll(() => card.getByTestId('template-meta').textContent()).toContain('Version 2');
    await card.getByTestId('template-answered').click();
    await expect
      .poll(async () => {
        const row = (await readMentions(lauscher)).find((r) => String(r.snippet).includes('Bahnhofstraße'));
        return [row?.status, row?.templateUsed, row?.templateVersion];
      })
      .toEqual(['answered', 'danke-sie', 2]);
    await feed.close();
    await panel.close();
  });
});

/** The section's first 1,300 pixels, in page coordinates: house formality, placeholders, the first template. */
function topOf(locator: import('playwright-core').Locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top + window.scrollY, width: r.width, height: Math.min(1300, r.height) };
  });
}
