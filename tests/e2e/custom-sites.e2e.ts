// Sites the user adds in the options: the content script is registered at runtime for exactly those hosts (after
// the permission is granted) and unregistered when the site is removed. Runs on the e2e build, where the reserved
// .example domain is pre-granted because Playwright cannot click Chromium's permission prompt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME_E2E_BUILD,
  highlightTexts,
  type Lauscher,
  launchLauscher,
  readMentions,
} from '../../scripts/launch-chromium';

const ARTICLE = 'https://www.lokalzeitung.example/lokales/stadtfest-abgesagt';
let lauscher: Lauscher;

beforeAll(async () => {
  lauscher = await launchLauscher({ build: CHROME_E2E_BUILD });
  await lauscher.serve(ARTICLE, 'tests/fixtures/generic/blog-comments.html');
});
afterAll(async () => {
  await lauscher?.close();
});

async function municipalityHighlights(): Promise<string[]> {
  const page = await lauscher.context.newPage();
  await page.goto(ARTICLE);
  await page.waitForTimeout(1500);
  const texts = (await highlightTexts(page))['lauscher-municipality'] ?? [];
  await page.close();
  return texts;
}

describe('user-added sites', () => {
  it('a local paper runs Lauscher only after it is added, and stops when it is removed', async () => {
    expect(await municipalityHighlights()).toEqual([]);

    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    await options.getByLabel('Adresse der Website').fill('https://www.lokalzeitung.example/lokales/');
    await options.getByRole('button', { name: 'Website hinzufügen' }).click();
    await expect.poll(() => options.getByTestId('site-list').textContent()).toContain('www.lokalzeitung.example');

    await expect.poll(municipalityHighlights, { timeout: 15_000 }).toContain('Musterstadt');
    await expect
      .poll(async () => (await readMentions(lauscher)).filter((r) => r.platform === 'generic').length, {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    const article = (await readMentions(lauscher)).find((r) => r.platform === 'generic');
    // the page's own article is the page (issue 13)
    expect(article?.permalink).toBe(ARTICLE);
    expect(article?.kind).toBe('post');

    // A built-in site is refused with an explanation instead of a second registration.
    await options.getByLabel('Adresse der Website').fill('www.facebook.com');
    await options.getByRole('button', { name: 'Website hinzufügen' }).click();
    await expect.poll(() => options.getByTestId('site-status').textContent()).toContain('bereits');

    await options.getByRole('button', { name: 'Entfernen: www.lokalzeitung.example' }).click();
    await expect.poll(() => options.getByTestId('site-list').textContent()).toBe('');
    await expect.poll(municipalityHighlights, { timeout: 15_000 }).toEqual([]);
    await options.close();
  });
});
