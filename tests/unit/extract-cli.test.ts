// The extract tool runs in plain Node (no DOM globals, unlike the happy-dom tests): adapters must not rely on
// browser globals such as NodeFilter. Runs the real command on saved pages of each kind.
import { execFileSync } from 'node:child_process';
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
