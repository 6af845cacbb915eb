import {
  absUrl,
  closestDeep,
  elementOf,
  hasText,
  inNested,
  isoFrom,
  lazyText,
  parentAcrossShadow,
  pick,
  queryAllDeep,
  readSafely,
  squash,
  textOf,
  toIso,
} from './dom';
import { normalizeLink } from './mention-key';
import type { PlatformAdapter } from './types';

// Three generations of Reddit markup:
//   old (old.reddit.com): div.thing[data-type=link|comment][data-author][data-permalink] + time[datetime]
//     (verified against a saved 2018 thread);
//   redesign 2018-2023: div[id^=t3_] post with data-testid=post-container, div[id^=t1_] comments with
//     data-testid=comment_author_link|comment_timestamp|comment;
//   current (shreddit): <shreddit-post> / <shreddit-comment> web components carrying their data as attributes, with
//     the text slotted into light DOM and chrome in open shadow roots.

const OLD = '.thing[data-type="link"], .thing[data-type="comment"]';
/** Redesign: the post carries its fullname as id (t3_…), each comment too (t1_…); 2022 adds data-testid wrappers. */
const REDESIGN = '[data-testid="post-container"], div[id^="t3_"], div[id^="t1_"]';
const SHREDDIT = 'shreddit-post, shreddit-comment';
const ITEM = `${OLD}, ${REDESIGN}, ${SHREDDIT}`;
/** A fullname id exactly ("t3_1bbbwk"), not its menus ("t3_1bbbwk-share-menu", "t3_1bbbwk-overflow-menu"). */
const FULLNAME = /^t[13]_[a-z0-9]+$/;
/**
 * Ads and "promoted" units: highlighted, never logged. Old reddit marks them .promoted/.promotedlink; the redesign
 * .promotedlink; shreddit has its own ad elements (checked 2018, 2020 and 2025 markup).
 */
const PROMOTED = '.promoted, .promotedlink, [data-promoted="true"], shreddit-ad-post, [data-testid="ad-post"]';

/** Base of relative permalinks (parsed once). */
const REDDIT_ROOT = new URL('https://www.reddit.com/');

function isItem(el: Element): boolean {
  if (!el.matches('div[id^="t3_"], div[id^="t1_"]')) return true;
  if (!FULLNAME.test(el.id)) return false;
  // the redesign's t3_ div inside a post-container is the same post
  return !(el.id.startsWith('t3_') && el.parentElement?.closest('[data-testid="post-container"]'));
}

function itemFor(el: Element): Element | null {
  for (let hit = closestDeep(el, ITEM); hit; ) {
    if (isItem(hit)) return hit;
    const up = parentAcrossShadow(hit);
    hit = up ? closestDeep(up, ITEM) : null;
  }
  return null;
}

export const reddit: PlatformAdapter = {
  id: 'reddit',
  /** Private messages and chat (also chat.reddit.com), settings and login. */
  isPrivate: (url) =>
    /^chat\./.test(url.hostname) ||
    /^\/(?:message|chat|settings|prefs|account|login|register)(?:\/|$)/.test(url.pathname),
  matches: (url) => /(^|\.)reddit\.com$/.test(url.hostname),
  expectsItemsAt: (url) => url.pathname === '/' || /^\/(?:r|u|user)\//.test(url.pathname),
  closestItem: (node) => {
    const el = elementOf(node);
    return el ? itemFor(el) : null;
  },
  findItems: (root) => {
    // no empty shells (collapsed or not yet loaded comments)
    return queryAllDeep(root, ITEM).filter((el) => isItem(el) && hasText(el));
  },
  extract(container, pageUrl) {
    return readSafely('reddit', container, pageUrl, () => {
      // nested items (a comment's replies); in the redesign by the same rule as closestItem (menus with t3_ ids are
      // no items), elsewhere by selector (cheaper: old threads have hundreds of nested comments)
      const redesign = container.matches(REDESIGN);
      const nested = inNested(container, ITEM);
      const skip = (el: Element) => {
        if (!redesign) return nested(el);
        const owner = itemFor(el);
        return !!owner && owner !== container && container.contains(owner);
      };
      const link = (href: string | null | undefined) => normalizeLink(href, REDDIT_ROOT, 'reddit');
      const tag = container.tagName.toLowerCase();
      if (tag === 'shreddit-post' || tag === 'shreddit-comment') {
        const comment = tag === 'shreddit-comment';
        const author = container.getAttribute('author') ?? '';
        const text = lazyText(() => {
          const body = comment
            ? pick(container, ['[slot="comment"]'], skip)
            : pick(container, ['[slot="text-body"]', '[slot="post-media-container"]'], skip);
          const title = comment
            ? ''
            : (container.getAttribute('post-title') ?? textOf(pick(container, ['[slot="title"]'], skip)));
          return squash(`${title} ${textOf(body)}`);
        }, container);
        const created = container.getAttribute('created-timestamp') ?? container.getAttribute('created');
        const timeEl = pick(container, ['time[datetime]', 'faceplate-timeago[ts]'], skip);
        return {
          platform: 'reddit' as const,
          kind: comment ? ('comment' as const) : ('post' as const),
          permalink:
            link(container.getAttribute('permalink') ?? container.getAttribute('content-href')) || pageUrl.href,
          author,
          authorUrl: author ? `https://www.reddit.com/user/${author}/` : undefined,
          time: created ? toIso(created) : (isoFrom(timeEl) ?? (squash(timeEl?.textContent) || undefined)),
          get text() {
            return text();
          },
          container,
        };
      }
      if (container.matches(OLD)) {
        const comment = container.getAttribute('data-type') === 'comment';
        const entry = pick(container, ['.entry'], skip) ?? container;
        const authorEl = pick(entry, ['a.author'], skip);
        const text = lazyText(() => {
          const title = comment ? '' : textOf(pick(entry, ['a.title'], skip));
          const body = pick(entry, ['.usertext-body .md', '.usertext-body', 'form.usertext'], skip);
          return squash(`${title} ${textOf(body)}`);
        }, container);
        const timeEl = pick(entry, ['time.live-timestamp[datetime]', 'time[datetime]'], skip);
        const author = container.getAttribute('data-author') ?? squash(authorEl?.textContent);
        return {
          promoted: container.matches(PROMOTED) || undefined,
          platform: 'reddit' as const,
          kind: comment ? ('comment' as const) : ('post' as const),
          permalink:
            link(container.getAttribute('data-permalink')) ||
            link(pick(entry, ['a.bylink', 'a.comments'], skip)?.getAttribute('href')) ||
            pageUrl.href,
          author,
          authorUrl: absUrl(authorEl?.getAttribute('href'), pageUrl) || undefined,
          time: isoFrom(timeEl) ?? (squash(timeEl?.textContent) || undefined),
          get text() {
            return text();
          },
          container,
        };
      }
      // 2018-2023 redesign
      const comment = container.matches('div[id^="t1_"]');
      const promoted = container.matches(PROMOTED) || !!container.querySelector(PROMOTED);
      const authorEl = pick(
        container,
        comment
          ? ['a[data-testid="comment_author_link"]']
          : ['a[data-testid="post_author_link"]', 'a[href^="/user/"]', 'a[href*="reddit.com/user/"]'],
        skip,
      );
      const timeEl = pick(
        container,
        comment
          ? ['a[data-testid="comment_timestamp"]', `a[id^="CommentTopMeta--Created--"]`, 'a[href*="/comments/"]']
          : ['a[data-click-id="timestamp"]', 'a[href*="/comments/"]'],
        skip,
      );
      const text = lazyText(() => {
        const body = comment
          ? pick(container, ['[data-testid="comment"]', '[data-test-id="comment"]'], skip)
          : pick(
              container,
              ['[data-click-id="text"]', '[data-test-id="post-content"]', '[data-adclicklocation="media"]'],
              skip,
            );
        const title = comment ? '' : textOf(pick(container, ['h1', 'h3', 'h2'], skip));
        return squash(`${title} ${textOf(body)}`);
      }, container);
      const author = squash(authorEl?.textContent).replace(/^u\//, '');
      return {
        platform: 'reddit' as const,
        kind: comment ? ('comment' as const) : ('post' as const),
        permalink: link(timeEl?.getAttribute('href')) || pageUrl.href,
        promoted: promoted || undefined,
        author,
        authorUrl: absUrl(authorEl?.getAttribute('href'), pageUrl) || undefined,
        time: isoFrom(timeEl?.querySelector('time[datetime]') ?? null) ?? (squash(timeEl?.textContent) || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
