// Site adapters in the real browser: saved pages served under their real hostnames, mentions logged with the
// permalinks of the posts and comments they stand in; a page with changed markup falls back and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_E2E_BUILD, type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';
import type { Profile } from '../../utils/settings';

let lauscher: Lauscher;

function profileWith(terms: string[]): Profile {
  return {
    municipality: { name: 'Musterstadt', aliases: [], caseSensitive: false },
    topics: [{ id: 'test', label: 'Test', color: 'amber', terms, exclude: [] }],
    templates: [],
    houseFormality: 'sie',
  };
}

async function setProfile(profile: Profile, on = lauscher) {
  await on.setSetting('profile', profile);
}

async function clearLog(on = lauscher) {
  const page = await on.context.newPage();
  await page.goto(on.extensionUrl('popup.html'));
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

async function logged(url: string, fixture: string, terms: string[], minRows: number) {
  await clearLog();
  await setProfile(profileWith(terms));
  await lauscher.serve(url, fixture);
  const page = await lauscher.context.newPage();
  await page.goto(url);
  await expect
    .poll(async () => (await readMentions(lauscher)).length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(minRows);
  await page.close();
  return readMentions(lauscher);
}

beforeAll(async () => {
  lauscher = await launchLauscher();
});
afterAll(async () => {
  await lauscher?.close();
});

describe('adapters on their real hostnames', () => {
  it('www.facebook.com: a comment is logged with its comment permalink', async () => {
    const rows = await logged(
      'https://www.facebook.com/',
      'tests/fixtures/facebook/2022-04-www-feed-en.html',
      ['Love'],
      1,
    );
    const comment = rows.find((r) => r.kind === 'comment');
    expect(comment?.platform).toBe('facebook');
    expect(comment?.permalink).toBe(
      'https://www.facebook.com/Furkan.S.Raz/posts/1666788373661778?comment_id=1666821756991773',
    );
  });

  it('m.facebook.com: group posts are logged with their permalinks', async () => {
    const rows = await logged(
      'https://m.facebook.com/groups/southamericansincomputing/',
      'tests/fixtures/facebook/2021-06-m-group-feed.html',
      ['Datalover', 'gracias'],
      2,
    );
    const links = rows.map((r) => r.permalink);
    expect(links).toContain('https://www.facebook.com/groups/southamericansincomputing/permalink/4027350330679815/');
    expect(links).toContain('https://www.facebook.com/groups/southamericansincomputing/permalink/4015085418572973/');
    expect(rows.every((r) => r.platform === 'facebook' && r.kind === 'post')).toBe(true);
  });

  it('x.com: posts are logged with their status permalinks', async () => {
    const rows = await logged(
      'https://x.com/home',
      'tests/fixtures/x/2025-02-home-timeline.html',
      ['Maui', 'mortality'],
      2,
    );
    const links = rows.map((r) => r.permalink);
    expect(links).toContain('https://x.com/BGatesIsaPyscho/status/1890459111671656594');
    expect(links).toContain('https://x.com/BGatesIsaPyscho/status/1890451695559213256');
    expect(rows.every((r) => r.platform === 'x')).toBe(true);
  });

  it('old.reddit.com: comments are logged with their comment permalinks', async () => {
    const rows = await logged(
      'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
      'tests/fixtures/reddit/2018-old-reddit-thread.html',
      ['"Neko Atsume"'],
      1,
    );
    const comment = rows.find((r) => r.kind === 'comment');
    expect(comment?.platform).toBe('reddit');
    expect(comment?.permalink).toBe(
      'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/dxr2q90/',
    );
  });

  it('www.reddit.com redesign (real 2020 thread): the comments are logged with their own permalinks', async () => {
    const thread = 'https://www.reddit.com/r/Python/comments/1bbbwk/whats_your_opinion_on_what_to_include_in_init_py/';
    const rows = await logged(thread, 'tests/fixtures/reddit/2020-redesign-thread.html', ['Werkzeug', 'mitsuhiko'], 2);
    expect(rows.map((r) => [r.platform, r.kind, r.permalink, r.terms]).sort()).toEqual([
      ['reddit', 'comment', `${thread}c95cwe4/`, ['Werkzeug']],
      ['reddit', 'comment', `${thread}c95hxkn/`, ['mitsuhiko']],
    ]);
  });

  it('changed markup: still highlights, logs posts with the page URL, and the popup says so', async () => {
    const url = 'https://www.facebook.com/groups/musterstadt/';
    const rows = await logged(url, 'tests/fixtures/changed/facebook-group-new-markup.html', ['Baustelle'], 2);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.platform).toBe('facebook');
      expect(r.kind).toBe('post');
      expect(r.permalink).toBe(url);
    }
    expect(new Set(rows.map((r) => r.mentionKey)).size).toBe(2);
    const popup = await lauscher.context.newPage();
    await popup.goto(lauscher.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByTestId('markup-changed').count()).toBe(1);
    expect(await popup.getByTestId('markup-changed').textContent()).toContain('Facebook');
    await popup.close();
  });
});

// A newspaper is not a built-in site: staff add it in the options, which asks for the host permission. The e2e build
// holds www.zeit.de pre-granted (Playwright cannot click the permission prompt), so this part runs on that build.
describe('a newspaper added as the user’s site', () => {
  let paper: Lauscher;
  beforeAll(async () => {
    paper = await launchLauscher({ build: CHROME_E2E_BUILD });
  });
  afterAll(async () => {
    await paper?.close();
  });

  it('a newspaper’s comment section (real zeit.de page, added as the user’s site): each comment with its ?cid= link', async () => {
    const article =
      'https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-hochgeschwindigkeitsstrecke-eu-kommission';
    await clearLog(paper);
    await setProfile(profileWith(['Deutsche Bahn', 'Mehdorn']), paper);
    await paper.serve(/^https:\/\/www\.zeit\.de\//, 'tests/fixtures/generic/2020-zeit-de-article-comments.html');
    const options = await paper.context.newPage();
    await options.goto(paper.extensionUrl('options.html'));
    await options.getByLabel('Adresse der Website').fill('https://www.zeit.de/');
    await options.getByRole('button', { name: 'Website hinzufügen' }).click();
    await expect.poll(() => options.getByTestId('site-list').textContent()).toContain('www.zeit.de');
    await options.close();
    const page = await paper.context.newPage();
    // the registration takes effect for pages loaded after it: reload until the content script has logged
    await expect
      .poll(
        async () => {
          await page.goto(article);
          await page.waitForTimeout(1000);
          return (await readMentions(paper)).length;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThanOrEqual(2);
    await page.close();
    const rows = await readMentions(paper);
    expect(
      rows
        .filter((r) => r.kind === 'comment')
        .map((r) => [r.platform, r.permalink, r.terms])
        .sort(),
    ).toEqual([
      ['generic', `${article}?cid=51160665#cid-51160665`, ['Deutsche Bahn']],
      ['generic', `${article}?cid=51160826#cid-51160826`, ['Mehdorn']],
    ]);
    expect(rows.filter((r) => r.kind === 'post').every((r) => r.permalink === article)).toBe(true);
  });
});
