// Onboarding by the names people write, in real Chromium with the built extension: pick a town from the register,
// see and edit the derived names, save, and a page served under its real hostname highlights them; Landkreise;
// settings that would break Lauscher are refused with a German message; a bad stored setting never turns it off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE, DEMO_URL, highlightTexts, type Lauscher, launchLauscher } from '../../scripts/launch-chromium';
import type { Profile } from '../../utils/settings';

const GROUP = 'https://www.facebook.com/groups/frankfurt/';
let lauscher: Lauscher;

async function storedProfile(l: Lauscher): Promise<Profile | undefined> {
  return l.worker.evaluate(async () => {
    const chrome = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome;
    return (await chrome.storage.local.get('profile')).profile as Profile | undefined;
  });
}

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(GROUP, 'tests/fixtures/names/facebook-frankfurt-group.html');
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('onboarding by the names people write', () => {
  it('picks "Frankfurt am Main", shows the derived names as chips, saves, and the page highlights them', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('options.html'));
    const field = page.getByRole('combobox', { name: 'Kommune' });
    await field.fill('');
    await field.pressSequentially('Frankfurt a');
    const listbox = page.getByRole('listbox', { name: 'Vorschläge aus dem Gemeindeverzeichnis' });
    const option = listbox.getByRole('option', { name: /Frankfurt am Main/ });
    await expect.poll(() => option.count(), { timeout: 15_000 }).toBe(1);
    await option.click();
    expect(await field.inputValue()).toBe('Frankfurt am Main');

    const chips = page.getByTestId('name-chip');
    await expect
      .poll(() => chips.allTextContents())
      .toEqual(['Frankfurt am Main amtlicher Name', 'Frankfurt auch Frankfurter, Frankfurterin×', '#Frankfurt ×']);
    // the core is shared with Frankfurt (Oder): said out loud, with context matching offered (off for a shared name)
    const note = page.getByTestId('names-ambiguity');
    expect(await note.textContent()).toContain(
      '„Frankfurt“ ist nicht eindeutig: Im Gemeindeverzeichnis gibt es weitere Gemeinden dieses Namens (Anzahl: 1).',
    );
    expect(await note.getByRole('checkbox').isChecked()).toBe(false);
    expect(await page.getByTestId('options-unsaved').textContent()).toBe('Ungespeicherte Änderungen');

    // what the unsaved settings would highlight, live
    await page
      .getByRole('textbox', { name: 'Probieren Sie einen Satz aus' })
      .fill('Die Frankfurter Feuerwehr sperrt die Baustelle.');
    await expect
      .poll(() => page.getByTestId('try-preview').locator('mark').allTextContents())
      .toEqual(['Frankfurter', 'Baustelle']);
    await page.screenshot({ path: 'test-results/names-onboarding-de.png' });

    await page.getByTestId('options-save').click();
    await expect.poll(() => page.getByTestId('options-status').textContent()).toBe('Gespeichert');
    expect(await page.getByTestId('options-unsaved').count()).toBe(0);
    expect((await storedProfile(lauscher))?.municipality).toMatchObject({
      name: 'Frankfurt am Main',
      aliases: ['Frankfurt', '#Frankfurt'],
    });

    const group = await lauscher.context.newPage();
    await group.goto(GROUP);
    await expect
      .poll(async () => (await highlightTexts(group))['lauscher-municipality'] ?? [], { timeout: 20_000 })
      .toEqual(['Frankfurter', '#Frankfurt']);
    await group.screenshot({ path: 'test-results/names-frankfurt-page.png' });
    await group.close();
    await page.close();
  });

  it('picks a Landkreis with its own forms and the optional topic "Gemeinden im Kreis"', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('options.html'));
    const field = page.getByRole('combobox', { name: 'Kommune' });
    await field.fill('');
    await field.pressSequentially('Esslingen');
    const option = page.getByRole('option', { name: /Landkreis Esslingen/ });
    await expect.poll(() => option.count(), { timeout: 15_000 }).toBe(1);
    await option.click();
    expect(await field.inputValue()).toBe('Landkreis Esslingen');
    const chips = await page.getByTestId('name-chip').allTextContents();
    expect(chips.map((c) => c.replace(/\s*(×|amtlicher Name)$/u, ''))).toEqual([
      'Landkreis Esslingen',
      'Kreis Esslingen',
      'LK Esslingen',
      'Landratsamt Esslingen',
      '#LandkreisEsslingen',
    ]);
    await page.getByLabel(/Gemeinden im Kreis/).check();
    await expect
      .poll(() => page.getByTestId('topic-fieldset').last().locator('legend').textContent())
      .toBe('Gemeinden im Kreis');
    await page.getByTestId('options-save').click();
    await expect.poll(() => page.getByTestId('options-status').textContent()).toBe('Gespeichert');
    const saved = await storedProfile(lauscher);
    expect(saved?.municipality.name).toBe('Landkreis Esslingen');
    const topic = saved?.topics.find((t) => t.label === 'Gemeinden im Kreis');
    expect(topic?.terms).toContain('Nürtingen');
    expect(topic?.terms).toContain('Esslinger');
    await page.close();
  });

  it('refuses a bad alias and an empty town with German messages next to the field, and saves nothing', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('options.html'));
    const before = await storedProfile(lauscher);
    const town = await page.getByRole('combobox', { name: 'Kommune' }).inputValue();
    await page.getByLabel('Weitere Namen, Ortsteile, Hashtags').fill('Altstadt, ???');
    await page.getByTestId('names-add').click();
    await page.getByTestId('options-save').click();
    await expect
      .poll(() => page.getByTestId('options-status').textContent())
      .toBe('Nicht gespeichert: Bitte korrigieren Sie die markierten Felder (1).');
    expect(await page.getByTestId('field-issue').textContent()).toBe(
      `„???“ bei „${town}“: Ein Begriff braucht mindestens einen Buchstaben oder eine Ziffer.`,
    );
    expect(await page.getByLabel('Weitere Namen, Ortsteile, Hashtags').getAttribute('aria-invalid')).toBe('true');
    expect(await storedProfile(lauscher)).toEqual(before);

    await page.getByRole('button', { name: '„???“ entfernen' }).click();
    const field = page.getByRole('combobox', { name: 'Kommune' });
    await field.fill('');
    await page.getByTestId('options-save').click();
    await expect
      .poll(() => page.getByTestId('field-issue').allTextContents())
      .toEqual(['Bitte tragen Sie den Namen Ihrer Kommune ein.']);
    expect(await storedProfile(lauscher)).toEqual(before);
    await page.screenshot({ path: 'test-results/names-refused-de.png' });
    // unsaved edits: leaving the page asks first
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    if (!page.isClosed()) await page.close();
  });
});

describe('a bad stored setting', () => {
  it('never turns highlighting off: what compiles is highlighted, the rest is reported in popup and options', async () => {
    await lauscher.setSetting('profile', {
      municipality: { name: 'Musterstadt', aliases: ['???', 'x'.repeat(300)], caseSensitive: false },
      topics: [{ id: 'bau', label: 'Baustelle/Verkehr', color: 'amber', terms: ['(', 'Baustelle*'], exclude: [] }],
      templates: [],
    });
    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await expect
      .poll(async () => (await highlightTexts(page))['lauscher-municipality']?.length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect((await highlightTexts(page))['lauscher-amber']).toContain('Baustelle');
    const popup = await lauscher.context.newPage();
    await popup.goto(lauscher.extensionUrl('popup.html'));
    await expect
      .poll(() => popup.getByTestId('settings-problems').textContent(), { timeout: 15_000 })
      .toContain('„???“');
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    expect(await options.getByTestId('settings-problems').textContent()).toContain('„(“');
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
});

describe('English onboarding', () => {
  it('shows the derived names in English', async () => {
    const en = await launchLauscher({ lang: 'en' });
    try {
      const page = await en.context.newPage();
      await page.goto(en.extensionUrl('options.html'));
      const field = page.getByRole('combobox', { name: 'Municipality' });
      await field.fill('');
      await field.pressSequentially('Halle (S');
      const option = page.getByRole('option', { name: /Halle \(Saale\)/ });
      await expect.poll(() => option.count(), { timeout: 15_000 }).toBe(1);
      await option.click();
      expect(await page.getByText('Names Lauscher looks for').count()).toBe(1);
      const note = page.getByTestId('names-ambiguity');
      expect(await note.textContent()).toContain('“Halle” is also an everyday German word.');
      expect(await note.getByRole('checkbox').isChecked()).toBe(true);
      expect(await page.getByTestId('name-chip').allTextContents()).toContain('Halle only with a place reference×');
      await page.getByRole('textbox', { name: 'Try a sentence' }).fill('Die Halle der Grundschule in Halle');
      await expect.poll(() => page.getByTestId('try-preview').locator('mark').allTextContents()).toEqual(['Halle']);
      await page.screenshot({ path: 'test-results/names-onboarding-en.png' });
      await page.getByTestId('options-save').click();
      await expect.poll(() => page.getByTestId('options-status').textContent()).toBe('Saved');
    } finally {
      await en.close();
    }
  });
});
