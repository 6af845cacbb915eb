import { absUrl, closestDeep, elementOf, isoFrom, lazyText, pick, readSafely, safe, squash, textOf } from './dom';
import { normalizeLink } from './mention-key';
import type { PlatformAdapter } from './types';

// Mastodon web UI (any instance: detected by its markup, not the host name). The class names are Mastodon's own
// BEM-style names from its open-source web client, stable across 3.x-4.x. No saved page available; the fixture is
// built from the web client's source structure.

const STATUS = ['.status[data-id]', '.detailed-status'];
const ITEM = STATUS.join(', ');

/** The React mount point and the server-rendered landing page both carry these. */
const APP_MARKERS = [
  '#mastodon[data-props]',
  '#mastodon',
  'body.app-body .columns-area',
  '.status[data-id] .status__content',
];

export const mastodon: PlatformAdapter = {
  id: 'mastodon',
  /** Private mentions (conversations), settings, filters, login and admin pages of an instance. */
  isPrivate: (url) =>
    /^\/(?:web\/)?(?:conversations|direct|settings|filters|auth|oauth|admin|follow_requests)(?:\/|$)/.test(
      url.pathname,
    ),
  matches: (_url, doc) => APP_MARKERS.some((sel) => safe(() => !!doc.querySelector(sel), false)),
  expectsItemsAt: (url) =>
    /^\/(?:home|public|explore|tags\/|@[^/]+)/.test(url.pathname) || url.pathname.startsWith('/deck/'),
  closestItem: (node) => closestDeep(elementOf(node) ?? node, ITEM),
  findItems: (root) => [...root.querySelectorAll(ITEM)],
  extract(container, pageUrl) {
    return readSafely('mastodon', container, pageUrl, () => {
      const timeLink = pick(container, [
        'a.status__relative-time',
        'a.detailed-status__datetime',
        'a[href*="/@"] time',
      ]);
      const anchor = timeLink?.closest('a[href]') ?? timeLink;
      const href = normalizeLink(anchor?.getAttribute('href'), pageUrl, 'mastodon');
      const time = anchor?.querySelector('time[datetime]') ?? pick(container, ['time[datetime]']);
      const nameLink = pick(container, ['a.status__display-name', 'a.detailed-status__display-name', '.display-name']);
      const nameEl = nameLink?.querySelector('.display-name__html, strong') ?? nameLink;
      const account = squash(nameLink?.querySelector('.display-name__account')?.textContent);
      const name = squash(nameEl?.textContent);
      const text = lazyText(
        () =>
          textOf(pick(container, ['.status__content__text', '.status__content', '.e-content']), (el) =>
            el.matches('.status__content__spoiler-link, button'),
          ),
        container,
      );
      // in a thread (/@user/<id>), statuses after the focal (detailed) status are replies
      const focal = container.ownerDocument.querySelector('.detailed-status');
      const isReply =
        !container.matches('.detailed-status') &&
        !!focal &&
        !focal.contains(container) &&
        !!((focal.compareDocumentPosition(container) & 4) /* FOLLOWING */);
      return {
        platform: 'mastodon' as const,
        kind: isReply ? ('comment' as const) : ('post' as const),
        permalink: href || pageUrl.href,
        author: account && name ? `${name} (${account})` : name || account,
        authorUrl: absUrl(nameLink?.getAttribute('href'), pageUrl) || undefined,
        time: isoFrom(time) ?? (squash(time?.textContent ?? anchor?.textContent) || undefined),
        get text() {
          return text();
        },
        container,
      };
    });
  },
};
