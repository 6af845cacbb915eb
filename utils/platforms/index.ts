import type { Platform } from '../model';
import { nonSpaceLength } from './dom';
import { facebook } from './facebook';
import { generic } from './generic';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { nebenan } from './nebenan';
import { reddit } from './reddit';
import type { ExtractedItem, PlatformAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export { HOST_PATTERNS, hostPatterns } from './hosts';
export { mentionKeyFor, normalizePermalink } from './mention-key';
export type { ExtractedItem, PlatformAdapter } from './types';

/** Site adapters, first match wins; generic is the fallback and is not listed. Mastodon (markup-detected) goes last. */
export const ADAPTERS: readonly PlatformAdapter[] = [
  facebook,
  x,
  instagram,
  youtube,
  reddit,
  linkedin,
  nebenan,
  mastodon,
];

export const ADAPTERS_BY_ID: Readonly<Record<Platform, PlatformAdapter>> = {
  facebook,
  x,
  instagram,
  youtube,
  reddit,
  mastodon,
  linkedin,
  nebenan,
  generic,
};

export function pickAdapter(url: URL, doc: Document): PlatformAdapter {
  return ADAPTERS.find((a) => safeMatches(a, url, doc)) ?? generic;
}

function safeMatches(adapter: PlatformAdapter, url: URL, doc: Document): boolean {
  try {
    return adapter.matches(url, doc);
  } catch {
    return false;
  }
}

/** Whether `adapter` expects post/comment containers on the page at `url` (generic never does). */
export function expectsItems(adapter: PlatformAdapter, url: URL): boolean {
  try {
    return adapter.id !== 'generic' && !!adapter.expectsItemsAt?.(url);
  } catch {
    return false;
  }
}

/**
 * "Site markup changed": a known site's page that should hold items has visible text, yet the adapter finds none.
 * The content script then falls back to the generic adapter and reports it.
 */
export function markupChanged(adapter: PlatformAdapter, url: URL, doc: Document): boolean {
  if (!expectsItems(adapter, url)) return false;
  if (!doc.body || nonSpaceLength(doc.body, 200) < 200) return false;
  try {
    return adapter.findItems(doc).length === 0;
  } catch {
    return true;
  }
}

/** All items of a document, in document order, each extracted (never throws per item). */
export function extractAll(adapter: PlatformAdapter, root: ParentNode, pageUrl: URL): ExtractedItem[] {
  return adapter.findItems(root).map((el) => adapter.extract(el, pageUrl));
}
