// Per-site modes: "log" (highlight and keep in the log), "observe" (highlight, never log) or "off" (Lauscher does
// nothing there). Keyed by built-in platform id, or by the user-added site's match pattern (customSitesItem).
import { type MentionInput, PLATFORMS, type Platform } from '../model';
import { builtInPlatformOf, isPrivateArea } from './private-areas';

export const SITE_MODES = ['log', 'observe', 'off'] as const;
export type SiteMode = (typeof SITE_MODES)[number];
/** Site key → mode; a site not listed logs (the mode a user chose when adding it, or the built-in default). */
export type SiteModes = Readonly<Record<string, SiteMode>>;
export const DEFAULT_SITE_MODE: SiteMode = 'log';

/** The sites with an adapter and a manifest entry, in the order the options list them. */
export const BUILT_IN_SITES = PLATFORMS.filter((p): p is Exclude<Platform, 'generic'> => p !== 'generic');

/** `*://www.lokalzeitung.de/*` → `www.lokalzeitung.de` */
export const hostOfPattern = (pattern: string) => pattern.replace(/^\*:\/\//, '').replace(/\/\*$/, '');

/** `facebook`, `x`, … for the built-in sites; `*://host/*` (as stored in customSitesItem) for any other host. */
export function siteKeyOf(url: URL): string {
  const host = url.hostname.toLowerCase();
  return builtInPlatformOf(host) ?? `*://${host}/*`;
}

export function siteModeOf(url: URL, modes: SiteModes): SiteMode {
  const mode = modes[siteKeyOf(url)];
  return mode && SITE_MODES.includes(mode) ? mode : DEFAULT_SITE_MODE;
}

/** What the content script does on `url`: nothing in private areas and switched-off sites. */
export function pageModeOf(url: URL, modes: SiteModes): SiteMode {
  return isPrivateArea(url) ? 'off' : siteModeOf(url, modes);
}

/**
 * The background's second line: only mentions from a page in "log" mode outside private areas are stored, whatever
 * a content script (an old version, a page that navigated meanwhile) sent.
 */
export function mayLog(input: Pick<MentionInput, 'pageUrl' | 'permalink'>, modes: SiteModes): boolean {
  let page: URL;
  try {
    page = new URL(input.pageUrl);
  } catch {
    return false;
  }
  if (pageModeOf(page, modes) !== 'log') return false;
  return !input.permalink || !isPrivateArea(input.permalink);
}
