import { absUrl, closestDeep, elementOf, lazyText, readSafely, squash, textOf } from './dom';
import { normalizeLink } from './mention-key';
import type { PlatformAdapter } from './types';

// x.com / twitter.com. Verified against a saved home timeline (2025-02).

/** A post; quoted posts inside it are role=link blocks, not separate articles. */
const TWEET = ['article[data-testid="tweet"]', 'article[role="article"]'];
const ITEM = TWEET.join(', ');

/** The conversation's focal post: replies below it on /status/ pages are comments. */
function statusId(href: string): string | null {
  return href.match(/\/status(?:es)?\/(\d+)/)?.[1] ?? null;
}

export const x: PlatformAdapter = {
  id: 'x',
  /** Direct messages, XChat, bookmarks, settings and login flows (checked 2026-12 on saved links). */
  isPrivate: (url) =>
    /^\/(?:messages|settings|account|i\/(?:chat|bookmarks|flow|account_access))(?:\/|$)/.test(url.pathname),
  matches: (url) => /(^|\.)(x|twitter)\.com$/.test(url.hostname),
  expectsItemsAt: (url) =>
    /^\/(?:home|search|explore|[A-Za-z0-9_]{1,15})(?:\/|$)/.test(url.pathname) &&
    !/^\/(?:settings|messages|i\/|notifications|login|logout|compose)/.test(url.pathname),
  closestItem: (node) => closestDeep(elementOf(node) ?? node, ITEM),
  findItems: (root) => [...root.querySelectorAll(ITEM)],
  extract(container, pageUrl) {
    return readSafely('x', container, pageUrl, () => {
      // the permalink is the status link wrapping the post's own <time> (a quoted post has its own time, later)
      const time = container.querySelector('a[href*="/status/"] time[datetime]');
      const link = time?.closest('a[href*="/status/"]') ?? container.querySelector('a[href*="/status/"]');
      const href = normalizeLink(link?.getAttribute('href'), pageUrl, 'x');
      const permalink = href ? href.replace(/\/(?:analytics|photo\/\d+|retweets|likes)$/, '') : pageUrl.href;
      const user = container.querySelector('[data-testid="User-Name"]');
      const profile = user?.querySelector('a[href]');
      const name = squash(profile?.textContent) || squash(user?.querySelector('span')?.textContent);
      const handle = [...(user?.querySelectorAll('a[href] span') ?? [])]
        .map((s) => squash(s.textContent))
        .find((t) => t.startsWith('@'));
      const text = lazyText(() => textOf(container.querySelector('[data-testid="tweetText"]')), container);
      // on a conversation page, every post but the focal one is a reply
      const focal = statusId(pageUrl.pathname);
      const own = statusId(permalink);
      const kind = focal && own && own !== focal ? ('comment' as const) : ('post' as const);
      return {
        platform: 'x' as const,
        kind,
        permalink,
        author: name && handle && !name.includes(handle) ? `${name} (${handle})` : name || handle || '',
        authorUrl: absUrl(profile?.getAttribute('href'), pageUrl) || undefined,
        time: time?.getAttribute('datetime') ?? (squash(time?.textContent) || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
