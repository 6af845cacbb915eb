import { absUrl, closestDeep, elementOf, lazyText, queryAllDeep, readSafely, squash, textOf } from './dom';
import { normalizeLink } from './mention-key';
import type { PlatformAdapter } from './types';

// www.youtube.com watch pages and Shorts. YouTube's Polymer elements render into the light DOM, so their tag names and
// ids are the structure: ytd-comment-view-model (2024+) or ytd-comment-renderer (until 2024) with id="comment".
// No saved page available; the fixture is built from the documented structure.

const COMMENT = ['ytd-comment-view-model', 'ytd-comment-renderer'];
/** The video itself: watch-page metadata, or the active Short. */
const VIDEO = ['ytd-watch-metadata', 'ytd-reel-video-renderer[is-active]', 'ytd-reel-video-renderer'];
const ITEM = [...COMMENT, ...VIDEO].join(', ');

function videoId(url: URL): string | null {
  return url.searchParams.get('v') ?? url.pathname.match(/^\/shorts\/([\w-]+)/)?.[1] ?? null;
}

export const youtube: PlatformAdapter = {
  id: 'youtube',
  /** Account settings, watch history and memberships of the signed-in user. */
  isPrivate: (url) => /^\/(?:account[a-z_]*|feed\/history|paid_memberships|reporthistory)(?:\/|$)/.test(url.pathname),
  matches: (url) => /(^|\.)youtube\.com$/.test(url.hostname),
  expectsItemsAt: (url) => url.pathname === '/watch' || url.pathname.startsWith('/shorts/'),
  closestItem: (node) => closestDeep(elementOf(node) ?? node, ITEM),
  findItems: (root) => {
    const all = queryAllDeep(root, ITEM);
    // an inactive Short without text is a placeholder
    return all.filter((el) => !el.matches('ytd-reel-video-renderer') || !!squash(el.textContent));
  },
  extract(container, pageUrl) {
    return readSafely('youtube', container, pageUrl, () => {
      const id = videoId(pageUrl);
      const videoUrl = id
        ? pageUrl.pathname.startsWith('/shorts/')
          ? `https://www.youtube.com/shorts/${id}`
          : `https://www.youtube.com/watch?v=${id}`
        : pageUrl.href;
      if (COMMENT.some((s) => container.matches(s))) {
        const authorEl = container.querySelector('#author-text');
        const timeLink = container.querySelector('#published-time-text a[href], a[href*="lc="]');
        const href = normalizeLink(timeLink?.getAttribute('href'), pageUrl, 'youtube');
        const text = lazyText(() => textOf(container.querySelector('#content-text')), container);
        return {
          platform: 'youtube' as const,
          kind: 'comment' as const,
          permalink: href || pageUrl.href,
          author: squash(authorEl?.textContent),
          authorUrl:
            absUrl(authorEl?.closest('a[href]')?.getAttribute('href') ?? authorEl?.getAttribute('href'), pageUrl) ||
            undefined,
          time: squash(timeLink?.textContent) || undefined,
          get text() {
            return text();
          },
          container,
        };
      }
      const text = lazyText(() => {
        const title = container.querySelector('#title h1, h1, h2.title');
        const description = container.querySelector(
          '#description-inline-expander, #description, #attributed-snippet-text',
        );
        return squash(`${textOf(title)} ${textOf(description)}`);
      }, container);
      const channel = container.querySelector('ytd-channel-name a[href], #channel-name a[href], a[href^="/@"]');
      const date = container.querySelector('#info span:nth-of-type(3), #date, #info-strings yt-formatted-string');
      return {
        platform: 'youtube' as const,
        kind: 'post' as const,
        permalink: videoUrl,
        author: squash(channel?.textContent),
        authorUrl: absUrl(channel?.getAttribute('href'), pageUrl) || undefined,
        time: squash(date?.textContent) || undefined,
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
