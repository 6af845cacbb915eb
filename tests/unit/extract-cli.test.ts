// The extract tool runs in plain Node (no DOM globals, unlike the happy-dom tests): adapters must not rely on
// browser globals such as NodeFilter. Runs the real command on saved pages of each kind.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function extract(url: string, fixture: string): Array<{ platform: string; kind: string; permalink: string }> {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/extract.ts', '--url', url, fixture],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out);
}

describe('npm run extract', () => {
  it.each([
    ['https://www.facebook.com/', 'tests/fixtures/facebook/2022-04-www-feed-en.html', 'facebook', 2],
    ['https://x.com/home', 'tests/fixtures/x/2025-02-home-timeline.html', 'x', 6],
    [
      'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
      'tests/fixtures/reddit/2018-old-reddit-thread.html',
      'reddit',
      198,
    ],
  ])(
    '%s → %s items',
    (url, fixture, platform, count) => {
      const items = extract(url, fixture);
      expect(items).toHaveLength(count);
      expect(items.every((i) => i.platform === platform && i.permalink.startsWith('https://'))).toBe(true);
      expect(items.some((i) => 'container' in i)).toBe(false);
    },
    30_000,
  );
});

/** `npm run -s extract -- --summary` on every real saved page: the counts the DOM tests assert (tests/dom/platforms). */
const REAL_SUMMARIES: Array<[string, string, string]> = [
  [
    'https://m.facebook.com/groups/southamericansincomputing/',
    'facebook/2021-06-m-group-feed.html',
    'facebook: 21 posts, 0 comments, permalinks 21/21 (100%)',
  ],
  [
    'https://www.facebook.com/photo/?fbid=1144501625643317&set=a.117311035029053',
    'facebook/2022-01-www-photo-permalink-comments.html',
    'facebook: 1 posts, 6 comments, permalinks 6/7 (86%)',
  ],
  [
    'https://web.facebook.com/',
    'facebook/2022-04-www-feed-en.html',
    'facebook: 1 posts, 1 comments, permalinks 2/2 (100%)',
  ],
  [
    'https://www.facebook.com/',
    'facebook/2025-07-www-feed-sponsored.html',
    'facebook: 1 posts, 0 comments, 1 promoted (highlighted, not logged), permalinks 1/1 (100%)',
  ],
  [
    'https://www.instagram.com/p/DFsnKM3pHnC/',
    'instagram/2025-04-post-with-comments.html',
    'instagram: 1 posts, 14 comments, permalinks 14/15 (93%)',
  ],
  [
    'https://www.instagram.com/p/DOuQoNmDKST/?img_index=3',
    'instagram/2026-03-post-with-comments.html',
    'instagram: 1 posts, 5 comments, permalinks 6/6 (100%)',
  ],
  [
    'https://www.linkedin.com/feed/',
    'linkedin/2022-05-feed.html',
    'linkedin: 5 posts, 1 comments, 1 promoted (highlighted, not logged), permalinks 6/6 (100%)',
  ],
  [
    'https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-hochgeschwindigkeitsstrecke-eu-kommission',
    'generic/2020-zeit-de-article-comments.html',
    'generic: 1 posts, 8 comments, permalinks 8/9 (89%)',
  ],
  [
    'https://old.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
    'reddit/2018-old-reddit-thread.html',
    'reddit: 1 posts, 197 comments, permalinks 197/198 (99%)',
  ],
  [
    'https://www.reddit.com/r/Python/comments/1bbbwk/whats_your_opinion_on_what_to_include_in_init_py/',
    'reddit/2020-redesign-thread.html',
    'reddit: 1 posts, 19 comments, permalinks 19/20 (95%)',
  ],
  ['https://x.com/home', 'x/2025-02-home-timeline.html', 'x: 6 posts, 0 comments, permalinks 6/6 (100%)'],
  [
    'https://www.youtube.com/watch?v=wOWhfNB_r-0',
    'youtube/2022-03-watch-comments-ytd-app.html',
    'youtube: 1 posts, 20 comments, permalinks 20/21 (95%)',
  ],
];

describe('npm run extract -- --summary on every real saved page', () => {
  it.each(REAL_SUMMARIES)(
    '%s (%s)',
    (url, fixture, summary) => {
      const run = spawnSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          'scripts/extract.ts',
          '--summary',
          '--url',
          url,
          `tests/fixtures/${fixture}`,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(run.stderr.trim()).toBe(summary);
    },
    60_000,
  );
});
