// The mention log in the real browser: five tabs logging overlapping mentions at once store the exact distinct
// set; the CSV export downloads and parses as German Excel expects it.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGE, DEMO_URL, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';

let lauscher: Lauscher;

beforeAll(async () => {
  lauscher = await launchLauscher();
  await lauscher.serve(DEMO_URL, DEMO_PAGE);
  await lauscher.serve('https://www.facebook.com/groups/musterstadt/?tab=2', DEMO_PAGE);
});
afterAll(async () => {
  await lauscher?.close();
});

describe('mention log', () => {
  it('five tabs logging the same feed at once store each mention exactly once', async () => {
    // One tab alone first: the distinct set the feed holds.
    const single = await lauscher.context.newPage();
    await single.goto(DEMO_URL);
    // Wait until the log stops growing (the scan is done and the last batch written).
    let last = -1;
    for (
      let n = (await readMentions(lauscher)).length;
      n !== last || n === 0;
      n = (await readMentions(lauscher)).length
    ) {
      last = n;
      await single.waitForTimeout(1000);
    }
    const expected = new Set((await readMentions(lauscher)).map((r) => r.mentionKey));
    await single.close();

    const tabs = await Promise.all(Array.from({ length: 5 }, () => lauscher.context.newPage()));
    await Promise.all(
      tabs.map((t, i) => t.goto(i % 2 ? DEMO_URL : 'https://www.facebook.com/groups/musterstadt/?tab=2')),
    );
    await tabs[0]?.waitForTimeout(2000);
    const rows = await readMentions(lauscher);
    expect(new Set(rows.map((r) => r.mentionKey))).toEqual(expected);
    expect(rows).toHaveLength(expected.size);
    // Every tab saw them again: seenCount grew, rows did not.
    expect(rows.every((r) => Number(r.seenCount) >= 2)).toBe(true);
    await Promise.all(tabs.map((t) => t.close()));
  });

  it('exports a CSV that German Excel opens: BOM, semicolons, CRLF, umlauts, no formulas', async () => {
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^lauscher-erwaehnungen-\d{4}-\d{2}-\d{2}\.csv$/);
    const raw = readFileSync(await download.path());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';' });
    const [header, ...body] = parsed.data.filter((r) => r.length > 1);
    expect(header?.length).toBeGreaterThan(5);
    expect(body.length).toBe((await readMentions(lauscher)).length);
    expect(text).toContain('Bahnhofstraße');
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    await options.close();
  });

  it('team exchange: a JSON export imported again merges by mention, and a broken file changes nothing', async () => {
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-json').click(),
    ]);
    const file = readFileSync(await download.path());
    const rows = (await readMentions(lauscher)).length;
    expect(JSON.parse(file.toString('utf8')).mentions).toHaveLength(rows);

    const importer = options.getByLabel('Export einer Kollegin oder eines Kollegen importieren');
    await importer.setInputFiles({ name: 'kollegin.json', mimeType: 'application/json', buffer: file });
    await expect
      .poll(() => options.getByTestId('data-status').textContent())
      .toContain(`0 neu, ${rows} zusammengeführt, 0 Fehler`);
    expect((await readMentions(lauscher)).length).toBe(rows);

    await importer.setInputFiles({
      name: 'kaputt.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"mentions": ['),
    });
    await expect.poll(() => options.getByTestId('data-status').textContent()).toContain('keine gültige JSON-Datei');
    expect((await readMentions(lauscher)).length).toBe(rows);
    await options.close();
  });

  it('"Alles löschen" asks first, then erases the log', async () => {
    expect((await readMentions(lauscher)).length).toBeGreaterThan(0);
    const options = await lauscher.context.newPage();
    await options.goto(lauscher.extensionUrl('options.html'));
    options.once('dialog', (d) => void d.dismiss());
    await options.getByRole('button', { name: 'Alles löschen' }).click();
    await options.waitForTimeout(300);
    expect((await readMentions(lauscher)).length).toBeGreaterThan(0); // cancelled: nothing lost
    options.once('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Alles löschen' }).click();
    await expect.poll(async () => (await readMentions(lauscher)).length).toBe(0);
    await options.close();
  });
});
