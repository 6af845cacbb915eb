import {
  closestDeep,
  elementOf,
  hasText,
  inNested,
  isActionLink,
  isButtonLabel,
  isoFrom,
  lazyText,
  pick,
  readSafely,
  safe,
  squash,
  textOf,
} from './dom';
import { normalizeLink, normalizePermalink } from './mention-key';
import type { PlatformAdapter } from './types';

// www.facebook.com (also web.) and m.facebook.com. Verified against saved pages from 2021 (m.), 2022 and 2025 (www).

/** www: a feed unit carries aria-posinset (2020-25); 2020-22 posts are also role=article labelled by their header. */
const WWW_POST = ['[aria-posinset]', '[role="article"][aria-labelledby]'];
/** www comments and replies: nested role=article without posinset. */
const WWW_COMMENT = '[role="article"]:not([aria-posinset]):not([aria-labelledby])';
/** m.facebook.com: stories carry their tracking JSON in data-ft; comments have data-sigil "comment". */
const M_POST = 'article[data-ft]';
const M_COMMENT = '[data-sigil~="comment"]';
/** m.facebook.com permalink page (group post, story.php): the story view is the page's own post (checked 2021). */
const M_PERMALINK = '#m_story_permalink_view';
/** Photo/video viewer: the side panel holds the post header, description and its comments. */
const VIEWER = '[role="complementary"]';
const ITEM = [...WWW_POST, WWW_COMMENT, M_POST, M_COMMENT, M_PERMALINK].join(', ');
const ITEM_OR_VIEWER = `${ITEM}, ${VIEWER}`;

/** Localised aria-label of a comment (de + en), e.g. "Kommentar von Erika Muster vor 2 Stunden". */
const COMMENT_LABEL = /^(?:Comment|Reply|Kommentar|Antwort)\s+(?:by|von)\s+(.+?)(?:\s+(?:about|vor|\d).*)?$/i;

/** Message body containers, newest first (2025 rendering roles, then the 2019+ ad preview attributes). */
const MESSAGE = [
  '[data-ad-rendering-role="story_message"]',
  '[data-ad-comet-preview="message"]',
  '[data-ad-preview="message"]',
  '.story_body_container', // m. classic class name, stable since 2012 (checked 2021-06)
];
const M_MESSAGE = ['[data-ft*=\'"tn":"*s"\']', '[data-sigil="expose"]', '.story_body_container'];
/** Links that are a post's permalink, by href shape. */
const POST_LINK = [
  'a[href*="/posts/"]',
  'a[href*="/permalink/"]',
  'a[href*="story_fbid="]',
  'a[href*="/permalink.php"]',
  'a[href*="/videos/"]',
  'a[href*="/reel/"]',
  'a[href*="/photo/?fbid="]',
  'a[href*="/photo.php?fbid="]',
  'a[href*="/photos/"]',
];
const ANY_POST_LINK = POST_LINK.join(', ');
/** Base for the timestamp links' hrefs (parsed once). */
const FACEBOOK_ROOT = new URL('https://www.facebook.com/');

function isViewer(el: Element): boolean {
  return el.matches(VIEWER) && !!el.querySelector('a[href*="fbid="]') && !!el.querySelector('[role="article"]');
}

function isPost(el: Element): boolean {
  return WWW_POST.some((s) => el.matches(s)) || el.matches(M_POST) || el.matches(M_PERMALINK) || isViewer(el);
}

/** A placeholder role=article (loading skeleton, spinner) has no text and is not an item. */
function isPlaceholder(el: Element): boolean {
  return !hasText(el);
}

/** Profile URL without the click context (comment_id, tracking); keeps profile.php?id=. */
function profileUrl(href: string | null | undefined, base: URL): string | undefined {
  const normalized = normalizeLink(href, base, 'facebook');
  if (!normalized) return undefined;
  let out = profileUrls.get(normalized);
  if (out === undefined) {
    out = withoutQuery(normalized);
    if (profileUrls.size >= 5000) profileUrls.clear();
    profileUrls.set(normalized, out);
  }
  return out;
}
/** A normalised link without its query, except profile.php's id. */
function withoutQuery(normalized: string): string {
  // The usual profile link (/<name> or /<name>?comment_id=…): cut the string, no URL object. The input is a
  // serialised URL, so its first '?' starts the query and the first '/' after the scheme the path.
  if (normalized.startsWith('https://')) {
    const q = normalized.indexOf('?');
    if (q < 0) return normalized;
    if (normalized.slice(normalized.indexOf('/', 8), q) !== '/profile.php') return normalized.slice(0, q);
  }
  const url = new URL(normalized);
  const id = url.pathname === '/profile.php' ? url.searchParams.get('id') : null;
  url.search = id ? `?id=${id}` : '';
  return url.href;
}
/** profileUrl by normalised href: the same authors comment under many posts. */
const profileUrls = new Map<string, string>();

/** The page URL as a URL object, parsed once per distinct href (authorOf asks for it for every post). */
let lastBase: { href: string; url: URL } | undefined;
function baseUrl(href: string): URL {
  if (lastBase?.href !== href) lastBase = { href, url: new URL(href) };
  return lastBase.url;
}

function withoutComments(item: Element) {
  return inNested(item, ITEM_OR_VIEWER);
}

function cleanHref(href: string, base: URL): string {
  return normalizeLink(href, base, 'facebook');
}

function postPermalink(item: Element, pageUrl: URL, skip: (el: Element) => boolean): string {
  // the page's own post: its permalink is the page
  if (item.matches(M_PERMALINK)) return normalizePermalink(pageUrl.href, 'facebook');
  const linkOf = (a: Element) => {
    if (skip(a)) return '';
    const href = a.getAttribute('href') ?? '';
    return COMMENT_LINK.test(href) ? '' : cleanHref(href, pageUrl);
  };
  for (const sel of POST_LINK) {
    // the first link of a kind is nearly always the one: querySelectorAll (every link down to the comments) only
    // when it is not
    const first = item.querySelector(sel);
    if (!first) continue;
    const url = linkOf(first);
    if (url) return url;
    for (const a of item.querySelectorAll(sel)) {
      const url = linkOf(a);
      if (url) return url;
    }
  }
  // m.: data-ft names the post id
  const ft = safe(() => JSON.parse(item.getAttribute('data-ft') ?? '{}') as Record<string, unknown>, {});
  const id = ft.top_level_post_id ?? ft.mf_story_key;
  if (typeof id === 'string' || typeof id === 'number') return `https://www.facebook.com/${id}`;
  return pageUrl.href;
}

const COMMENT_LINK = /[?&](?:comment_id|reply_comment_id)=/;

function commentPermalink(item: Element, pageUrl: URL, skip: (el: Element) => boolean): string {
  // not the "Like"/"Reply" actions (m.: like.php?comment_id=…, …?reply_comment_id=… labelled "Reply")
  const links = [...item.querySelectorAll('a[href*="comment_id="]')].filter(
    (a) => !skip(a) && !isActionLink(a) && !isButtonLabel(squash(a.textContent)),
  );
  // The timestamp link points at the post (/posts/, /photo/?fbid=, /permalink/); the author link at a profile.
  const best =
    links.find((a) => a.matches(ANY_POST_LINK)) ??
    links.find((a) => /[?&]comment_id=\d+/.test(a.getAttribute('href') ?? '')) ??
    links[0];
  if (best) return cleanHref(best.getAttribute('href') ?? '', pageUrl) || pageUrl.href;
  // m.: the comment element's id is the comment id
  const id = item.getAttribute('id');
  if (id && /^\d+$/.test(id)) {
    const url = new URL(pageUrl.href);
    url.searchParams.set('comment_id', id);
    return normalizePermalink(url.href, 'facebook');
  }
  return pageUrl.href;
}

function authorOf(item: Element, comment: boolean, skip: (el: Element) => boolean): { name: string; url?: string } {
  const base = item.ownerDocument.location?.href ?? 'https://www.facebook.com/';
  const fromLink = (a: Element | null | undefined) =>
    a ? { name: textOf(a), url: profileUrl(a.getAttribute('href'), baseUrl(base)) } : null;
  if (!comment) {
    // the header the post is labelled by (2020-22), the 2025 rendering role, then m.'s h3
    const labelId = item.getAttribute('aria-labelledby')?.split(/\s+/)[0];
    const header = labelId ? item.ownerDocument.getElementById(labelId) : null;
    const headerEl =
      (header && item.contains(header) ? header : null) ??
      pick(item, ['[data-ad-rendering-role="profile_name"]', 'h2', 'h3', 'h4', 'strong'], skip);
    const link = headerEl?.querySelector('a[href]:not([aria-hidden="true"])');
    const r = fromLink(link);
    if (r?.name) return r;
    if (headerEl) return { name: squash(headerEl.textContent) };
    return { name: '' };
  }
  let first: Element | undefined;
  for (const a of item.querySelectorAll('a[href]:not([aria-hidden="true"])')) {
    // the first named link that is a profile, not "Like"/"Antworten" (m.: the action links come before the name)
    const name = squash(a.textContent);
    if (!skip(a) && name && !isActionLink(a) && !isButtonLabel(name)) {
      first = a;
      break;
    }
  }
  const r = fromLink(first);
  if (r?.name) return r;
  const label = item.getAttribute('aria-label')?.match(COMMENT_LABEL);
  if (label?.[1]) return { name: label[1] };
  // m.: a name that is no link stands right before the comment body
  const body = pick(item, ['[data-sigil="comment-body"]'], skip);
  const name = squash(body?.previousElementSibling?.textContent);
  return { name: name && name.length <= 80 && !isButtonLabel(name) ? name : '' };
}

function timeOfItem(item: Element, permalink: string, skip: (el: Element) => boolean): string | undefined {
  // www items have none of these: one query for the four picks below
  if (item.querySelector('abbr, time[datetime], [data-utime]')) {
    const stamped = pick(item, ['abbr[data-utime]', 'time[datetime]', '[data-utime]'], skip);
    const iso = isoFrom(stamped);
    if (iso) return iso;
    if (stamped && squash(stamped.textContent)) return squash(stamped.textContent); // m.: <abbr>3 April 2018 at 20:02
    const abbr = pick(item, ['abbr'], skip);
    if (abbr && squash(abbr.textContent)) return squash(abbr.textContent);
  }
  // www: the permalink anchor shows the date; its aria-label is unscrambled ("2 hrs", "14 October 2016")
  let link: Element | undefined;
  for (const a of item.querySelectorAll('a[href]')) {
    if (!skip(a) && cleanHref(a.getAttribute('href') ?? '', FACEBOOK_ROOT) === permalink) {
      link = a;
      break;
    }
  }
  const label = squash(link?.getAttribute('aria-label'));
  if (label) return label;
  const text = squash(link?.textContent);
  return text && text.length <= 40 ? text : undefined;
}

/**
 * Text of a comment or of the photo viewer's description: the top-level dir=auto blocks that are not links, buttons,
 * headers holding links (author, date), or inside nested comments.
 */
function blockText(item: Element, skip: (el: Element) => boolean, selector: string): string {
  const blocks = [...item.querySelectorAll(selector)].filter(
    (el) =>
      !skip(el) &&
      !el.closest('a, [role="button"], [role="article"] [role="article"], h2, h3, h4') &&
      !el.querySelector('a[role="link"], [role="button"]') &&
      !el.parentElement?.closest(selector),
  );
  const text = squash(blocks.map((b) => textOf(b)).join(' '));
  if (text) return text;
  const rest = textOf(item, (el) => skip(el) || el.matches('a, [role="button"], [aria-hidden="true"], form'));
  return /[\p{L}\p{N}]/u.test(rest) ? rest : '';
}

function postText(item: Element, skip: (el: Element) => boolean): string {
  if (item.matches(M_POST) || item.matches(M_PERMALINK)) {
    // m.: the story text and, for shares, the shared story's text; first selector with hits wins
    for (const sel of M_MESSAGE) {
      const parts = [...item.querySelectorAll(sel)].filter((el) => !el.parentElement?.closest(sel));
      const text = squash(
        parts.map((p) => textOf(p, (el) => el.matches('.text_exposed_hide, [data-sigil="more"]'))).join(' '),
      );
      if (text) return text;
    }
    return textOf(item, (el) => el.matches('header, footer, h3, [role="button"]'));
  }
  const message = pick(item, MESSAGE, skip);
  if (message) return textOf(message);
  if (isViewer(item)) return blockText(item, skip, '[dir="auto"]');
  return textOf(item, (el) => skip(el) || el.matches('[role="button"], form'));
}

/**
 * Sponsored posts: Facebook scrambles the visible "Gesponsert"/"Sponsored" label, but an ad's links register an
 * attribution source for the browser's Attribution Reporting API (`attributionsrc` pointing at
 * /privacy_sandbox/…/register/source/); organic posts and comments carry none (checked 2026-12 on the saved 2021–2025
 * pages). Highlighted like any post, never logged.
 */
const AD_LINK = 'a[attributionsrc*="register/source"]';

export const facebook: PlatformAdapter = {
  id: 'facebook',
  /** Messenger, settings, login and account pages of the user's own account (checked 2026-12 on saved links). */
  isPrivate: (url) =>
    /^accountscenter\./.test(url.hostname) ||
    /^\/(?:messages|messenger|settings|privacy|security|login|recover|checkpoint|two_step_verification|dyi|your_information|marketplace\/inbox)(?:[/.]|$)/.test(
      url.pathname,
    ),
  matches: (url) => /(^|\.)facebook\.com$/.test(url.hostname),
  expectsItemsAt: (url) =>
    !/^\/(?:settings|messages|notifications|marketplace|gaming|login|help|privacy|policies|ads)\b/.test(url.pathname),
  closestItem(node) {
    let el = elementOf(node);
    while (el) {
      const hit = closestDeep(el, ITEM_OR_VIEWER);
      if (!hit) return null;
      if (hit.matches(VIEWER) ? isViewer(hit) : !isPlaceholder(hit)) return hit;
      el = hit.parentElement;
    }
    return null;
  },
  findItems(root) {
    const items = [...root.querySelectorAll(ITEM_OR_VIEWER)].filter((el) =>
      el.matches(VIEWER) ? isViewer(el) : !isPlaceholder(el),
    );
    // a post inside another post's posinset (2022: the role=article inside [aria-posinset]) counts once
    return items.filter((el) => !(isPost(el) && el.parentElement?.closest(WWW_POST.join(', '))));
  },
  extract(container, pageUrl) {
    const comment = !isPost(container) || COMMENT_LABEL.test(container.getAttribute('aria-label') ?? '');
    return readSafely('facebook', container, pageUrl, () => {
      const skip = withoutComments(container);
      const permalink = comment ? commentPermalink(container, pageUrl, skip) : postPermalink(container, pageUrl, skip);
      const author = authorOf(container, comment, skip);
      const text = lazyText(
        () =>
          comment
            ? blockText(container, skip, 'div[dir="auto"], [data-sigil="comment-body"]')
            : postText(container, skip),
        container,
      );
      return {
        platform: 'facebook' as const,
        kind: comment ? ('comment' as const) : ('post' as const),
        permalink,
        author: author.name,
        authorUrl: author.url,
        time: timeOfItem(container, permalink, skip),
        promoted: (!comment && !!container.querySelector(AD_LINK)) || undefined,
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
