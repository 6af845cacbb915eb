// The toolbar badge counts today's new mentions, and stays quiet outside the published office hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';

let lauscher: Lauscher;

const badgeText = () =>
  lauscher.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );

async function setOfficeHours(value: object) {
  await lauscher.setSetting('officeHours', value);
}

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('badge', () => {
  it('shows the number of new mentions today, and nothing outside office hours', async () => {
    const page = await lauscher.context.newPage();
    await page.goto(DEMO_URL);
    await expect.poll(async () => (await readMentions(lauscher)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    await expect
      .poll(
        async () =>
          Number(await badgeText()) === (await readMentions(lauscher)).filter((r) => r.status === 'new').length,
        {
          timeout: 10_000,
        },
      )
      .toBe(true);

    // Office hours on a day that is not today: no nagging.
    const notToday = (new Date().getDay() + 3) % 7;
    await setOfficeHours({ enabled: true, days: [notToday], start: '00:00', end: '23:59' });
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('');
    // Back inside office hours (all day, every day): the count returns.
    await setOfficeHours({ enabled: true, days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' });
    await expect.poll(async () => Number(await badgeText()), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
