import { absUrl, closestDeep, elementOf, inNested, isoFrom, lazyText, pick, readSafely, squash, textOf } from './dom';
import { normalizePermalink } from './mention-key';
import type { PlatformAdapter } from './types';

// nebenan.de feed and post pages. nebenan.de renders with generated CSS-module class names, so this adapter relies on
// structure only: posts are <article>s (or elements whose own link is /feed/<id>), comments are list items / articles
// nested in a post, profiles link to /users/<id>, times are <time datetime>.
// No saved page available; the fixture is built from the documented structure and has not been checked against the
// live site (2025-07) — check it with `npm run extract` on a saved page before trusting the selectors.

const POST = ['article', '[data-testid="feed-item"]', '[data-testid="post"]'];
/** Comments: the explicit markers, or any post-like element nested in a post (see isComment). */
const COMMENT = ['[data-testid="comment"]', '[itemtype*="Comment"]', 'li[id^="comment"]', '[id^="reply-"]'];
const ITEM = [...POST, ...COMMENT].join(', ');
const POST_HREF = /\/feed\/(\d+)/;

function isComment(el: Element): boolean {
  return COMMENT.some((s) => el.matches(s)) || !!el.parentElement?.closest(POST.join(', '));
}

export const nebenan: PlatformAdapter = {
  id: 'nebenan',
  /** Private messages and account settings (paths not seen on a saved page: kept broad on purpose). */
  isPrivate: (url) =>
    /^\/(?:messages|nachrichten|conversations|settings|einstellungen|account|konto|login)(?:\/|$)/.test(url.pathname),
  matches: (url) => /(^|\.)nebenan\.de$/.test(url.hostname),
  expectsItemsAt: (url) => /^\/(?:feed|marketplace|groups|events)(?:\/|$)/.test(url.pathname),
  closestItem: (node) => closestDeep(elementOf(node) ?? node, ITEM),
  findItems: (root) => [...root.querySelectorAll(ITEM)],
  extract(container, pageUrl) {
    return readSafely('nebenan', container, pageUrl, () => {
      const skip = inNested(container, ITEM);
      const comment = isComment(container);
      const post = comment ? container.parentElement?.closest(POST.join(', ')) : container;
      const postLink = post ? pick(post, ['a[href*="/feed/"]'], inNested(post, ITEM)) : null;
      const postHref = absUrl(postLink?.getAttribute('href'), pageUrl);
      const postId = postHref.match(POST_HREF)?.[1] ?? pageUrl.pathname.match(POST_HREF)?.[1];
      const postUrl = postId ? `https://nebenan.de/feed/${postId}` : '';
      let permalink = postUrl || pageUrl.href;
      if (comment) {
        const own = pick(container, ['a[href*="#comment"]', 'a[href*="comment="]', 'a[href*="/feed/"]'], skip);
        const ownHref = absUrl(own?.getAttribute('href'), pageUrl);
        const id = container.getAttribute('id') ?? container.getAttribute('data-id');
        permalink = ownHref ? ownHref : postUrl && id ? `${postUrl}#${id}` : pageUrl.href;
      }
      const authorLink = pick(container, ['a[href*="/users/"]', 'a[href*="/profile/"]', 'a[rel="author"]'], skip);
      const nameEl = authorLink?.querySelector('strong, b, span') ?? authorLink;
      const text = lazyText(() => {
        const body = pick(
          container,
          ['[data-testid="post-body"]', '[data-testid="comment-body"]', '[itemprop="text"]', 'p'],
          skip,
        );
        const texts = body?.matches('p')
          ? [...container.querySelectorAll('p')]
              .filter((p) => !skip(p))
              .map((p) => textOf(p))
              .join(' ')
          : textOf(body);
        const title = comment ? '' : textOf(pick(container, ['h1', 'h2', 'h3'], skip));
        return squash(`${title} ${texts}`);
      }, container);
      const timeEl = pick(container, ['time[datetime]', 'time'], skip);
      return {
        platform: 'nebenan' as const,
        kind: comment ? ('comment' as const) : ('post' as const),
        // keep the #fragment of comment anchors: it is the only per-comment part
        permalink: comment ? permalink : normalizePermalink(permalink, 'nebenan'),
        author: squash(nameEl?.textContent),
        authorUrl: absUrl(authorLink?.getAttribute('href'), pageUrl) || undefined,
        time: isoFrom(timeEl) ?? (squash(timeEl?.textContent) || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
