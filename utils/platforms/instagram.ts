import { absUrl, elementOf, isoFrom, lazyText, readSafely, safe, squash, textOf } from './dom';
import { normalizeLink } from './mention-key';
import type { PlatformAdapter } from './types';

// www.instagram.com. No article/roles around comments (2025-04): each post or comment is the largest block that holds
// exactly one time[datetime]. Feed posts are <article>s.

const TIME = 'time[datetime]';

function hasAuthor(item: Element): boolean {
  const base = new URL(item.ownerDocument.location?.href || 'https://www.instagram.com/');
  return [...item.querySelectorAll('a[href]')].some((a) => isProfileLink(a, base) && !!squash(a.textContent));
}

function countTimes(el: Element): number {
  return el.querySelectorAll(TIME).length;
}

/** The item owning one <time>: climb while the parent still holds just this one time. */
function itemForTime(time: Element): Element | null {
  let el: Element | null = time.parentElement;
  if (!el) return null;
  while (el.parentElement && el.parentElement.tagName !== 'BODY' && el.parentElement.tagName !== 'MAIN') {
    if (el.matches('article')) return el;
    if (countTimes(el.parentElement) > 1) break;
    el = el.parentElement;
  }
  return el;
}

function isProfileLink(a: Element, base: URL): boolean {
  const path = safe(() => new URL(a.getAttribute('href') ?? '', base).pathname, '');
  return /^\/[\w.]+\/?$/.test(path) && !/^\/(?:explore|reels|accounts|direct|about|legal)\/?$/.test(path);
}

function postCode(href: string): string | null {
  return href.match(/\/(?:p|reel|reels|tv)\/([\w-]+)/)?.[1] ?? null;
}

export const instagram: PlatformAdapter = {
  id: 'instagram',
  /** Direct messages and account pages (/direct/inbox/, /accounts/…; checked 2026-12 on saved links). */
  isPrivate: (url) => /^\/(?:direct|accounts|emails|session|your_activity|challenge)(?:\/|$)/.test(url.pathname),
  matches: (url) => /(^|\.)instagram\.com$/.test(url.hostname),
  expectsItemsAt: (url) => url.pathname === '/' || /^\/(?:p|reel|reels|tv)\//.test(url.pathname),
  closestItem(node) {
    let el = elementOf(node);
    while (el && el.tagName !== 'BODY') {
      const n = countTimes(el);
      if (n === 1 || el.matches('article')) {
        const time = el.querySelector(TIME);
        const item = time ? itemForTime(time) : el;
        return item && hasAuthor(item) ? item : null;
      }
      if (n > 1) return null; // between items (e.g. "load more" buttons)
      el = el.parentElement;
    }
    return null;
  },
  findItems(root) {
    const out: Element[] = [];
    for (const time of root.querySelectorAll(TIME)) {
      const item = itemForTime(time);
      // the post's date footer ("31,604 likes · 5 February") holds a time but no author: not an item
      if (item && !out.includes(item) && hasAuthor(item)) out.push(item);
    }
    return out;
  },
  extract(container, pageUrl) {
    return readSafely('instagram', container, pageUrl, () => {
      const time = container.querySelector(TIME);
      const commentLink = container.querySelector('a[href*="/c/"]');
      const commentHref = commentLink?.getAttribute('href') ?? '';
      const isComment = /\/(?:p|reel)\/[\w-]+\/c\/\d+/.test(commentHref);
      let permalink = isComment ? normalizeLink(commentHref, pageUrl, 'instagram') : '';
      if (!permalink) {
        // a feed post links its own /p/<code>/; on a post page the code is in the URL or in the comment links
        const own = container.querySelector('a[href*="/p/"], a[href*="/reel/"]')?.getAttribute('href') ?? '';
        const anyComment =
          container.ownerDocument
            .querySelector('a[href*="/c/"][href*="/p/"], a[href*="/c/"][href*="/reel/"]')
            ?.getAttribute('href') ?? '';
        const code = postCode(own) ?? postCode(pageUrl.pathname) ?? postCode(anyComment);
        permalink = code ? `https://www.instagram.com/p/${code}/` : pageUrl.href;
      }
      // the author is the first profile link with text (a single path segment)
      const profile = [...container.querySelectorAll('a[href]')].find((a) => isProfileLink(a, pageUrl) && textOf(a));
      const author = textOf(profile ?? null);
      // text: everything but profile links, the time link, buttons and the header's "•"
      const text = lazyText(
        () =>
          textOf(
            container,
            (el) =>
              el.matches('[role="button"], button, a[href*="/reels/audio/"]') ||
              (el.matches('a[href]') && (isProfileLink(el, pageUrl) || !!el.querySelector('time'))) ||
              el.matches('time'),
          )
            .replace(/(?:^|\s)•(?=\s|$)/g, ' ')
            .trim(),
        container,
      );
      return {
        platform: 'instagram' as const,
        kind: isComment ? ('comment' as const) : ('post' as const),
        permalink,
        author,
        authorUrl: profile ? absUrl(profile.getAttribute('href'), pageUrl) : undefined,
        time: isoFrom(time) ?? (squash(time?.textContent) || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
