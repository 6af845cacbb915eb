// The options page as staff use it: by keyboard, with name suggestions from the official register, in German and
// English, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lauscher, launchLauscher } from '../../scripts/launch-chromium';

let lauscher: Lauscher;

beforeAll(async () => {
  lauscher = await launchLauscher();
});
afterAll(async () => {
  await lauscher?.close();
});

describe('options', () => {
  it('suggests municipalities from the register and picks one by keyboard', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('options.html'));
    const field = page.getByRole('combobox', { name: 'Kommune' });
    expect(await page.getByLabel('Kommune', { exact: true }).count()).toBe(1); // the contract external checks use
    await field.fill('');
    await field.pressSequentially('Esse');
    const listbox = page.getByRole('listbox', { name: 'Vorschläge aus dem Gemeindeverzeichnis' });
    await expect.poll(() => listbox.getByRole('option').count()).toBeGreaterThan(0);
    expect(await listbox.getByRole('option').first().textContent()).toContain('Essen');
    await field.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('Essen');
    // "Essen" is also a verb: the name is matched case-sensitively from now on.
    expect(await page.getByLabel(/Groß-\/Kleinschreibung/).isChecked()).toBe(true);
    // The demo's names are replaced by the chosen town's; with context matching the demonym counts on its own.
    expect(await page.getByTestId('name-chip').allTextContents()).toEqual([
      'Essen amtlicher Name · auch Essener, Essenerin',
      'Essen nur mit Ortsbezug×',
      'Essener auch Essenerin, Essenerinnen×',
      '#Essen ×',
    ]);

    await field.fill('muench');
    await expect.poll(() => listbox.getByRole('option').first().textContent()).toContain('München');
    await field.press('ArrowDown');
    await field.press('ArrowUp');
    await field.press('Enter');
    expect(await field.inputValue()).toBe('München');
    expect(await page.getByLabel(/Groß-\/Kleinschreibung/).isChecked()).toBe(false);
    expect(await page.getByTestId('name-chip').allTextContents()).toEqual([
      'München amtlicher Name · auch Münchener, Münchenerin',
      '#München ×',
    ]);
    await page.getByTestId('options-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('options-status').textContent()).toBe('Gespeichert');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/options-dark.png' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(23, 24, 26)');
    await page.close();
  });

  it('refuses a broken team profile with a clear message and keeps the current one', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(lauscher.extensionUrl('options.html'));
    const before = await page.getByRole('combobox', { name: 'Kommune' }).inputValue();
    await page.getByLabel('Teamprofil laden').setInputFiles({
      name: 'kaputt.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "lauscher-profile", "version": 1, "profile": {'),
    });
    await expect.poll(() => page.getByTestId('data-status').textContent()).toContain('keine gültige JSON-Datei');
    expect(await page.getByRole('combobox', { name: 'Kommune' }).inputValue()).toBe(before);
    await page.close();
  });
});

describe('English UI', () => {
  it('labels the settings in English when the browser is English', async () => {
    const en = await launchLauscher({ lang: 'en' });
    try {
      const page = await en.context.newPage();
      await page.goto(en.extensionUrl('options.html'));
      expect(await page.title()).toBe('Lauscher – settings');
      expect(await page.getByRole('combobox', { name: 'Municipality' }).inputValue()).toBe('Musterstadt');
      expect(await page.getByLabel('Terms').count()).toBeGreaterThan(0);
    } finally {
      await en.close();
    }
  });
});
