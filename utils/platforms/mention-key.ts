import type { ExtractedItem } from './types';

/** Query parameters that only track where a click came from; never part of a post's identity. */
const TRACKING = [
  /^__cft__/,
  /^__tn__$/,
  /^__xts__/,
  /^_ft_$/,
  /^ref$/,
  /^refid$/,
  /^ref_src$/,
  /^ref_url$/,
  /^utm_/,
  /^fbclid$/,
  /^gclid$/,
  /^igsh$/,
  /^igshid$/,
  /^notif_id$/,
  /^notif_t$/,
  /^acontext$/,
  /^mibextid$/,
  /^rdid$/,
  /^share_url$/,
  /^si$/,
  /^pp$/,
  /^feature$/,
  /^trk$/,
  /^trackingId$/,
];
/** Extra tracking parameters per platform (short names that mean something elsewhere). */
const PLATFORM_TRACKING: Partial<Record<ExtractedItem['platform'], RegExp[]>> = {
  x: [/^s$/, /^t$/],
  reddit: [/^context$/, /^share_id$/],
};
/** Host aliases that show the same content. */
const HOST_ALIASES: Record<string, string> = {
  'web.facebook.com': 'www.facebook.com',
  'm.facebook.com': 'www.facebook.com',
  'mbasic.facebook.com': 'www.facebook.com',
  'facebook.com': 'www.facebook.com',
  'twitter.com': 'x.com',
  'www.twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'www.x.com': 'x.com',
  'old.reddit.com': 'www.reddit.com',
  'new.reddit.com': 'www.reddit.com',
  'reddit.com': 'www.reddit.com',
  'instagram.com': 'www.instagram.com',
  'm.youtube.com': 'www.youtube.com',
  'youtube.com': 'www.youtube.com',
  'linkedin.com': 'www.linkedin.com',
};

/**
 * A permalink without tracking parameters, with host aliases folded (m./web.facebook.com -> www, twitter -> x)
 * and, except on generic pages (where `#id` anchors are the permalink), without the fragment.
 */
export function normalizePermalink(href: string, platform: ExtractedItem['platform'] = 'generic'): string {
  // A pure function of its two inputs, called several times per post with the same links (the permalink, the page
  // URL, the timestamp link): remembered, so a page of thousands of posts parses each URL once.
  const cache = cacheOf(platform);
  const known = cache.get(href);
  if (known !== undefined) return known;
  let url: URL | undefined;
  try {
    url = new URL(href);
  } catch {
    // not a URL: kept as it is
  }
  const out = url ? normalizeUrl(url, platform) : href.trim();
  remember(cache, href, out);
  return out;
}

/**
 * `normalizePermalink(absUrl(href, base), platform)` ('' when there is no usable href: missing, fragment-only,
 * javascript:, unparseable), parsing the href once.
 */
export function normalizeLink(
  href: string | null | undefined,
  base: URL | string,
  platform: ExtractedItem['platform'],
): string {
  if (!href) return '';
  const h = href.trim();
  if (!h || h.startsWith('javascript:')) return '';
  const cache = cacheOf(platform);
  // an http(s)://… href does not depend on the base, and normalises as its parsed form does
  const absolute = ABSOLUTE.test(h);
  if (absolute) {
    const known = cache.get(h);
    if (known !== undefined) return known;
  }
  let url: URL;
  try {
    url = new URL(h, base);
  } catch {
    return '';
  }
  const abs = url.href;
  let out = cache.get(abs);
  if (out === undefined) {
    out = normalizeUrl(url, platform);
    remember(cache, abs, out);
  }
  if (absolute && h !== abs) remember(cache, h, out);
  return out;
}

const ABSOLUTE = /^https?:\/\//i;
const NORMALIZED_MAX = 20_000;
/** href → normalised, per platform. */
const normalized = new Map<ExtractedItem['platform'], Map<string, string>>();
/** TRACKING plus the platform's own, as one regular expression per platform (one test per query key). */
const dropByPlatform = new Map<string, RegExp>();

function cacheOf(platform: ExtractedItem['platform']): Map<string, string> {
  let cache = normalized.get(platform);
  if (!cache) {
    cache = new Map();
    normalized.set(platform, cache);
  }
  return cache;
}

function remember(cache: Map<string, string>, href: string, out: string) {
  if (cache.size >= NORMALIZED_MAX - 1) cache.clear();
  cache.set(href, out);
  // Normalising is idempotent, and the result is what callers pass next (mentionKeyFor gets the adapter's normalised
  // permalink): remember it as its own normal form, so that call does not parse the URL again.
  if (out !== href && out.startsWith('https://')) cache.set(out, out);
}

/** Pairs that URLSearchParams parses and serialises unchanged (no '%', '+' or other escaped characters). */
const PLAIN_PAIR = /^[\w*.-]+=[\w*.-]*$/;

/** Whether searchParams.sort() would give `query` back, with no tracking key to drop. */
function isNormalQuery(query: string, drop: RegExp): boolean {
  let previous = '';
  for (const pair of query.split('&')) {
    if (!PLAIN_PAIR.test(pair)) return false;
    const key = pair.slice(0, pair.indexOf('='));
    // sort() is stable and orders keys by UTF-16 code units, as `<` does
    if (key < previous || drop.test(key)) return false;
    previous = key;
  }
  return true;
}

/** Normalises a parsed URL (changes it). */
function normalizeUrl(url: URL, platform: ExtractedItem['platform']): string {
  const alias = HOST_ALIASES[url.hostname];
  if (alias) url.hostname = alias;
  if (url.protocol === 'http:') url.protocol = 'https:';
  if (platform !== 'generic') url.hash = '';
  const plain = url.href;
  // No query (and no fragment): nothing to drop or sort (sorting an empty query leaves at most a trailing '?').
  if (!plain.includes('?') && !plain.includes('#')) return plain;
  let drop = dropByPlatform.get(platform);
  if (!drop) {
    drop = new RegExp([...TRACKING, ...(PLATFORM_TRACKING[platform] ?? [])].map((re) => `(?:${re.source})`).join('|'));
    dropByPlatform.set(platform, drop);
  }
  // The usual query (comment_id=…): already sorted, nothing to drop, in the form sort() writes: leave it as it is.
  const search = url.search;
  if (search.length > 1 && isNormalQuery(search.slice(1), drop)) return plain;
  // forEach, not [...searchParams.keys()]: in Firefox content scripts the URL is an Xray wrapper whose iterators are
  // not iterable ("searchParams.keys() is not iterable"), which made every mention key throw and nothing get logged.
  const keys: string[] = [];
  url.searchParams.forEach((_value, key) => {
    keys.push(key);
  });
  for (const key of keys) {
    if (drop.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  const s = url.href;
  return s.endsWith('?') ? s.slice(0, -1) : s;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** True when the permalink is only the page itself (no item-specific link was found). */
export function isPagePermalink(permalink: string, pageUrl: string, platform: ExtractedItem['platform']): boolean {
  return !permalink || normalizePermalink(permalink, platform) === normalizePermalink(pageUrl, platform);
}

/**
 * The stable identity of a mention: platform + normalised permalink, or, when the permalink is only the page URL,
 * platform + page + a hash of author and whitespace-normalised text. The same post seen twice, or after a re-render,
 * gets the same key.
 */
export function mentionKeyFor(
  item: Pick<ExtractedItem, 'platform' | 'permalink' | 'author' | 'text'>,
  pageUrl: string,
): string {
  const { platform } = item;
  if (!isPagePermalink(item.permalink, pageUrl, platform)) {
    return `${platform}:${normalizePermalink(item.permalink, platform)}`;
  }
  const text = item.text.replace(/\s+/g, ' ').trim().toLowerCase();
  const author = item.author.replace(/\s+/g, ' ').trim().toLowerCase();
  return `${platform}:${normalizePermalink(pageUrl, platform)}#h-${fnv1a(`${author}\u0000${text}`)}`;
}
