// The side panel for the mention at hand: suggested templates by topic in the team's Sie/Du wording, insert into
// the post's own comment box, refuse replies with unresolved placeholders or an expired approval, mark answered
// with the template and its version.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';
import type { Profile, ReplyTemplate } from '../../utils/settings';
import { STARTER_TEMPLATES } from '../../utils/starter-templates';

let lauscher: Lauscher;
let feed: Page;

const BAU = {
  id: 'bau',
  label: 'Baustelle/Verkehr',
  color: 'amber' as const,
  terms: ['Baustelle*', 'Umleitung*', 'Sperrung', 'Stau'],
  exclude: [],
};
const UNWETTER = {
  id: 'unwetter',
  label: 'Unwetter/Hochwasser',
  color: 'blue' as const,
  terms: ['Hochwasser', 'Unwetter*', 'Starkregen', 'Sandsäcke'],
  exclude: [],
  urgent: true,
};

function profileWith(templates: ReplyTemplate[], houseFormality: 'sie' | 'du' = 'sie'): Profile {
  return {
    municipality: { name: 'Musterstadt', aliases: ['#musterstadt'], caseSensitive: false },
    topics: [BAU, UNWETTER],
    templates,
    houseFormality,
  };
}

const starter = (id: string) => STARTER_TEMPLATES.find((x) => x.id === id) as ReplyTemplate;

/** The side panel, with the clipboard recorded (headless Chromium cannot grant clipboard-read to an extension). */
async function openPanel(): Promise<Page> {
  const panel = await lauscher.context.newPage();
  await panel.addInitScript(() => {
    const w = window as unknown as { __clipboard: string[] };
    w.__clipboard = [];
    navigator.clipboard.writeText = async (text: string) => {
      w.__clipboard.push(text);
    };
  });
  await panel.goto(lauscher.extensionUrl('sidepanel.html'));
  return panel;
}
const clipboard = (panel: Page) => panel.evaluate(() => (window as unknown as { __clipboard: string[] }).__clipboard);

/** Picks a mention from the side panel's list of recent ones. */
async function pick(panel: Page, text: string) {
  const button = panel.getByTestId('sidepanel-recent').getByRole('button').filter({ hasText: text });
  await expect.poll(() => button.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await button.first().click();
  await expect.poll(() => panel.getByTestId('mention-card').first().textContent()).toContain(text);
}

async function clearLog() {
  const page = await lauscher.context.newPage();
  await page.goto(lauscher.extensionUrl('popup.html'));
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('lauscher');
        req.onsuccess = () => {
          const tx = req.result.transaction('mentions', 'readwrite');
          tx.objectStore('mentions').clear();
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.close();
}

/** Scrolls the demo feed until its lazily loaded posts are in and `snippet` is logged. */
async function scrollUntilLogged(page: Page, snippet: string) {
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        return (await readMentions(lauscher)).some((r) => String(r.snippet).includes(snippet));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Opens a logged mention in the side panel, as "In Seitenleiste öffnen" does (for rows too old for the list). */
async function show(panel: Page, snippet: string) {
  const row = await rowFor(snippet);
  await lauscher.worker.evaluate(
    (mentionKey) =>
      (
        globalThis as unknown as { chrome: { storage: { session: { set(o: object): Promise<void> } } } }
      ).chrome.storage.session.set({ activeMention: { mentionKey } }),
    String(row.mentionKey),
  );
  await expect.poll(() => panel.getByTestId('mention-card').first().textContent()).toContain(snippet);
}

const rowFor = async (snippet: string) =>
  (await readMentions(lauscher)).find((r) => String(r.snippet).includes(snippet)) as Record<string, unknown>;

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
  feed = await lauscher.context.newPage();
  await feed.goto(DEMO_URL);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('side panel', () => {
  it('suggests the topic template, inserts it into the comment box and marks the mention answered', async () => {
    await expect
      .poll(async () => (await readMentions(lauscher)).some((r) => String(r.snippet).includes('Bahnhofstraße')), {
        timeout: 15_000,
      })
      .toBe(true);
    await feed.evaluate(() => window.scrollTo(0, 0));
    const mention = await rowFor('Bahnhofstraße');
    // On the page: hover the highlight, then "In Seitenleiste öffnen" in Lauscher's tooltip.
    const spot = await feed.evaluate(() => {
      const h = CSS.highlights.get('lauscher-amber') as Highlight;
      const r = [...h].find((x) => x.toString() === 'Baustelle') as Range;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await feed.mouse.move(spot.x - 40, spot.y + 200);
    await feed.mouse.move(spot.x, spot.y, { steps: 4 });
    const tip = feed.getByRole('dialog', { name: 'Lauscher' });
    await expect.poll(() => tip.isVisible()).toBe(true);
    await tip.getByRole('button', { name: 'In Seitenleiste öffnen' }).click();

    const panel = await openPanel();
    await expect.poll(() => panel.getByTestId('mention-card').first().textContent()).toContain('Bahnhofstraße');
    const suggested = panel.getByRole('region', { name: 'Vorgeschlagene Bausteine' });
    const card = suggested.getByTestId('template-item').filter({ hasText: 'Baustelle: Infos und Umleitung' });
    const text = (await card.getByTestId('template-preview').textContent()) ?? '';
    expect(text).toContain('Baustellen, Sperrungen und Umleitungen in Musterstadt');
    // The house wording is Sie; a pseudonymised author is greeted neutrally, never "Hallo Person 3F9A".
    expect(text).toMatch(/^Guten Tag,\ndanke für Ihre Nachfrage/);
    expect(text).not.toContain('{{');

    await card.getByTestId('template-insert').click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Eingefügt');
    const box = feed.locator('[aria-posinset="1"] [contenteditable="true"]');
    // biome-ignore lint/performance/useDomNodeTextContent: the line breaks as the box shows them (<div>/<br>)
    expect((await box.innerText()).replace(/\n+/g, '\n').trim()).toBe(text);

    await card.getByRole('button', { name: 'Als beantwortet markieren' }).click();
    await expect.poll(async () => (await rowFor('Bahnhofstraße')).status).toBe('answered');
    const row = await rowFor('Bahnhofstraße');
    expect(row.mentionKey).toBe(mention.mentionKey);
    expect(row.templateUsed).toBe('baustelle-sie');
    expect(row.templateVersion).toBe(1);
    await expect
      .poll(() => panel.getByTestId('answered-with').textContent())
      .toBe('Beantwortet mit „Baustelle: Infos und Umleitung“, Version 1');
    // An internal note for the team, kept with the mention.
    await panel.getByLabel('Interne Notiz').fill('An Tiefbauamt weitergeleitet');
    await panel.getByLabel('Interne Notiz').blur();
    await expect.poll(async () => (await rowFor('Bahnhofstraße')).note).toBe('An Tiefbauamt weitergeleitet');
    await panel.screenshot({ path: 'test-results/sidepanel.png' });
    await panel.close();
  });

  it('the Du/Sie toggle switches the wording; the house formality decides which comes first', async () => {
    const panel = await openPanel();
    await pick(panel, 'Sperrung der Brücke');
    const card = panel
      .getByRole('region', { name: 'Vorgeschlagene Bausteine' })
      .getByTestId('template-item')
      .filter({ hasText: 'Baustelle: Infos und Umleitung' });
    const preview = card.getByTestId('template-preview');
    const toggle = card.getByRole('switch', { name: 'Du-Form' });
    expect(await toggle.getAttribute('data-testid')).toBe('template-formality');
    expect(await toggle.isChecked()).toBe(false);
    expect(await preview.textContent()).toMatch(/^Guten Tag,\ndanke für Ihre Nachfrage/);
    await toggle.click();
    await expect.poll(() => preview.textContent()).toMatch(/^Hallo,\ndanke für deine Nachfrage/);
    expect(await toggle.isChecked()).toBe(true);
    // By keyboard, back to Sie.
    await toggle.focus();
    await panel.keyboard.press('Space');
    await expect.poll(() => preview.textContent()).toMatch(/^Guten Tag,\ndanke für Ihre Nachfrage/);
    // Copy gives exactly the wording shown.
    await card.getByTestId('template-copy').click();
    await expect.poll(() => clipboard(panel)).toEqual([await preview.textContent()]);

    // A team that says "Du" sees the Du wording first.
    await lauscher.setSetting('profile', profileWith(STARTER_TEMPLATES, 'du'));
    await expect.poll(() => preview.textContent()).toMatch(/^Hallo,\ndanke für deine Nachfrage/);
    expect(await toggle.isChecked()).toBe(true);
    // Marking answered in the Du wording records that template.
    await card.getByTestId('template-answered').click();
    await expect.poll(async () => (await rowFor('Sperrung der Brücke')).templateUsed).toBe('baustelle-du');
    await lauscher.setSetting('profile', profileWith(STARTER_TEMPLATES));
    await panel.close();
  });

  it('refuses to copy or insert a reply with an unknown placeholder and names it', async () => {
    const broken: ReplyTemplate = {
      ...starter('baustelle-sie'),
      id: 'kaputt',
      variantGroup: 'kaputt',
      title: 'Baustelle (alte Fassung)',
      body: 'Hallo {{name}}, alle Baustellen in {{gemeinde}} stehen auf unserer Website.',
    };
    await lauscher.setSetting('profile', profileWith([broken, starter('baustelle-sie'), starter('baustelle-du')]));
    await scrollUntilLogged(feed, 'Stau auf der B14');
    const panel = await openPanel();
    await pick(panel, 'Stau auf der B14');
    const card = panel.getByTestId('template-item').filter({ hasText: 'Baustelle (alte Fassung)' });
    await expect.poll(() => card.getByTestId('template-preview').textContent()).toContain('{{gemeinde}}');
    const problems = card.getByTestId('template-problems');
    expect(await problems.textContent()).toContain('{{name}} ist kein Platzhalter – gemeint ist wohl {{autor}}.');
    expect(await problems.textContent()).toContain('{{gemeinde}} ist kein Platzhalter – gemeint ist wohl {{kommune}}.');
    // The unresolved placeholders are marked in the preview.
    expect(await card.locator('mark.tpl-unresolved').allTextContents()).toEqual(['{{name}}', '{{gemeinde}}']);

    await card.getByTestId('template-copy').click({ force: true }); // aria-disabled: still clickable, says why
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toBe('Nicht kopiert – noch offen: {{name}}, {{gemeinde}}');
    await card.getByTestId('template-insert').focus();
    await panel.keyboard.press('Enter');
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toBe('Nicht eingefügt – noch offen: {{name}}, {{gemeinde}}');
    expect(await clipboard(panel)).toEqual([]);
    expect(await feed.evaluate(() => document.body.textContent?.includes('{{gemeinde}}'))).toBe(false);
    expect(await card.getByTestId('template-insert').getAttribute('aria-disabled')).toBe('true');
    // A good template next to it still works.
    const good = panel.getByTestId('template-item').filter({ hasText: 'Baustelle: Infos und Umleitung' });
    expect(await good.getByTestId('template-problems').count()).toBe(0);
    await good.getByTestId('template-formality').check();
    await panel.screenshot({ path: 'test-results/sidepanel-placeholder.png', fullPage: true });
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: 'test-results/sidepanel-placeholder-dark.png', fullPage: true });
    await panel.close();
  });

  it('does not suggest an expired template, marks it and refuses it', async () => {
    const yesterday = Date.now() - 24 * 3600_000;
    const expired = { ...starter('baustelle-sie'), validUntil: yesterday, approvedBy: 'Pressestelle' };
    const expiredDu = { ...starter('baustelle-du'), validUntil: yesterday };
    const stillValid = { ...starter('weitergeleitet-sie'), topicIds: ['bau'], validUntil: Date.now() + 30 * 86400_000 };
    await lauscher.setSetting('profile', profileWith([expired, expiredDu, stillValid]));
    const panel = await openPanel();
    await pick(panel, 'Stau auf der B14');
    const suggested = panel.getByRole('region', { name: 'Vorgeschlagene Bausteine' });
    await expect.poll(() => suggested.getByTestId('template-item').allTextContents()).toHaveLength(1);
    expect(await suggested.getByTestId('template-item').textContent()).toContain(
      'An das zuständige Amt weitergeleitet',
    );
    expect(await suggested.textContent()).not.toContain('Baustelle: Infos und Umleitung');
    const section = panel.getByRole('region', { name: 'Abgelaufene Bausteine' });
    const card = section.getByTestId('template-item');
    expect(await card.count()).toBe(1);
    expect(await card.getByTestId('template-expired').textContent()).toContain('Freigabe abgelaufen');
    await card.getByTestId('template-insert').click({ force: true });
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toBe('Nicht verwendet: Die Freigabe dieses Bausteins ist abgelaufen.');
    expect(await clipboard(panel)).toEqual([]);
    await lauscher.setSetting('profile', profileWith(STARTER_TEMPLATES));
    await panel.close();
  });

  it('greets a stored person by name, and a screen name neutrally', async () => {
    // With plain author names kept, the log stores "Sabine Kraus" and "Feuerwehr-Fan MS" as written.
    await lauscher.setSetting('privacy', { authorMode: 'plain', retentionDays: 90 });
    await lauscher.setSetting('profile', profileWith(STARTER_TEMPLATES));
    await clearLog(); // rows already logged keep their pseudonyms
    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await scrollUntilLogged(page, 'Unwetterwarnung');
    expect((await rowFor('Sandsäcke aus')).author).toBe('Feuerwehr-Fan MS');
    const panel = await openPanel();
    await show(panel, 'Sandsäcke aus');
    const card = panel.getByTestId('template-item').filter({ hasText: 'Unwetter/Krise' });
    await expect.poll(() => card.getByTestId('template-preview').textContent()).toMatch(/^Guten Tag,\nbitte/);
    await show(panel, 'Sandsäcke? Wer ist zuständig');
    // A household is greeted as one, in Du as well.
    await expect
      .poll(() => card.getByTestId('template-preview').textContent())
      .toMatch(/^Hallo Familie Yilmaz,\nbitte/);
    await show(panel, 'Unwetterwarnung für heute Abend');
    await expect.poll(() => card.getByTestId('template-preview').textContent()).toMatch(/^Hallo Nina Krüger,\nbitte/);
    await card.getByTestId('template-formality').check();
    await expect.poll(() => card.getByTestId('template-preview').textContent()).toMatch(/^Hallo Nina,\nbitte verlass/);
    await lauscher.setSetting('privacy', { authorMode: 'pseudonym', retentionDays: 90 });
    await page.close();
    await panel.close();
  });
});
