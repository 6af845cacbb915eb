// The side panel for the mention at hand: suggested templates by topic, insert into the post's own comment box,
// mark answered with the template used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';

let lauscher: Lauscher;

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('side panel', () => {
  it('suggests the topic template, inserts it into the comment box and marks the mention answered', async () => {
    const feed = await lauscher.context.newPage();
    await feed.goto(DEMO_URL);
    await expect
      .poll(async () => (await readMentions(lauscher)).some((r) => String(r.snippet).includes('Bahnhofstraße')), {
        timeout: 15_000,
      })
      .toBe(true);
    const mention = (await readMentions(lauscher)).find((r) => String(r.snippet).includes('Bahnhofstraße'));
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

    const panel = await lauscher.context.newPage();
    await panel.goto(lauscher.extensionUrl('sidepanel.html'));
    await expect.poll(() => panel.getByTestId('mention-card').first().textContent()).toContain('Bahnhofstraße');
    const suggested = panel.getByRole('region', { name: 'Vorgeschlagene Bausteine' });
    const card = suggested.getByTestId('template-card').filter({ hasText: 'Baustelle: Infos und Umleitung' });
    const text = await card.getByTestId('template-text').textContent();
    expect(text).toContain('Baustellen und Umleitungen in Musterstadt');
    expect(text).toMatch(/^Hallo, danke/); // pseudonymised author: no "Hallo Person 3F9A"

    await card.getByRole('button', { name: 'In Kommentarfeld einfügen' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Eingefügt');
    const box = feed.locator('[aria-posinset="1"] [contenteditable="true"]');
    expect(await box.textContent()).toBe(text);

    await card.getByRole('button', { name: 'Als beantwortet markieren' }).click();
    await expect
      .poll(async () => (await readMentions(lauscher)).find((r) => r.mentionKey === mention?.mentionKey)?.status)
      .toBe('answered');
    const row = (await readMentions(lauscher)).find((r) => r.mentionKey === mention?.mentionKey);
    expect(row?.templateUsed).toBe('baustelle');
    // An internal note for the team, kept with the mention.
    await panel.getByLabel('Interne Notiz').fill('An Tiefbauamt weitergeleitet');
    await panel.getByLabel('Interne Notiz').blur();
    await expect
      .poll(async () => (await readMentions(lauscher)).find((r) => r.mentionKey === mention?.mentionKey)?.note)
      .toBe('An Tiefbauamt weitergeleitet');
    await panel.screenshot({ path: 'test-results/sidepanel.png' });
  });
});
