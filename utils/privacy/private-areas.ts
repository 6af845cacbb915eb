// Private areas: the staff member's own messages, mail and account pages are never observed (Art. 5(1)(c) DSGVO:
// only what the purpose needs). The content script asks this before anything else and, where it says yes, adopts no
// styles, starts no scanner and sends nothing; the background drops anything from such a URL as a second line.
import type { Platform } from '../model';
import { ADAPTERS_BY_ID, type PlatformAdapter } from '../platforms';
import { HOST_PATTERNS } from '../platforms/hosts';

type BuiltIn = Exclude<Platform, 'generic'>;

/**
 * Messaging and mail hosts that no adapter covers. Lauscher has no content script there today (messenger.com is not
 * in the manifest); listing them keeps it so: they cannot be added as a site, and a script never runs there.
 */
const PRIVATE_HOSTS: readonly RegExp[] = [
  /(^|\.)messenger\.com$/,
  /(^|\.)whatsapp\.com$/,
  /^(?:web)?mail\./,
  /^outlook\.(?:live|office|office365)\.com$/,
  /(^|\.)proton\.me$/,
  /^teams\.(?:microsoft|live)\.com$/,
];

/** Whether a manifest-style pattern (`*://*.facebook.com/*`, `*://x.com/*`) covers `host`. */
export function patternCoversHost(pattern: string, host: string): boolean {
  const m = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m?.[2]) return false;
  return host === m[2] || (m[1] !== undefined && host.endsWith(`.${m[2]}`));
}

/** The built-in platform whose manifest patterns cover `host`, if any (by URL alone, no markup). */
export function builtInPlatformOf(host: string): BuiltIn | undefined {
  const h = host.toLowerCase();
  return (Object.keys(HOST_PATTERNS) as BuiltIn[]).find((p) =>
    HOST_PATTERNS[p].some((pat) => patternCoversHost(pat, h)),
  );
}

/** Hosts that are private as a whole (mail, messengers): never a site Lauscher may run on. */
export function isPrivateHost(host: string): boolean {
  const h = host.toLowerCase();
  return PRIVATE_HOSTS.some((re) => re.test(h));
}

function says(adapter: PlatformAdapter, url: URL): boolean {
  try {
    return !!adapter.isPrivate?.(url);
  } catch {
    return true; // a broken check errs on the private side
  }
}

/**
 * Whether `url` is a private area. The site's own adapter decides by path; a user-added host is checked with the
 * Mastodon rules (instances are the usual user-added social site) and, like every site, the generic account pages.
 */
export function isPrivateArea(url: URL | string): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return true;
  }
  if (isPrivateHost(u.hostname)) return true;
  const platform = builtInPlatformOf(u.hostname);
  const own = ADAPTERS_BY_ID[platform ?? 'mastodon'];
  return says(own, u) || says(ADAPTERS_BY_ID.generic, u);
}
