// Turning what a user types ("lokalzeitung.de/artikel/123", "https://social.example/") into the match pattern
// Lauscher asks permission for and registers its content script on: the whole host, http and https.
import { hostPatterns } from './platforms/hosts';
import { isPrivateArea } from './privacy/private-areas';

/** On failure a _locales key and its values: the page shows it in the UI language. */
export type SitePattern =
  | { ok: true; pattern: string; host: string }
  | { ok: false; messageKey: SiteMessageKey; values: string[] };

export type SiteMessageKey =
  | 'validateSiteEmpty'
  | 'validateSiteInvalid'
  | 'validateSiteScheme'
  | 'validateSiteIncomplete'
  | 'validateSiteBuiltIn'
  | 'validateSitePrivate';

export function sitePatternFor(input: string): SitePattern {
  const text = input.trim();
  if (!text) return { ok: false, messageKey: 'validateSiteEmpty', values: [] };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, messageKey: 'validateSiteInvalid', values: [text] };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, messageKey: 'validateSiteScheme', values: [] };
  }
  const host = url.hostname.toLowerCase();
  if (!host.includes('.') || host.endsWith('.')) {
    return { ok: false, messageKey: 'validateSiteIncomplete', values: [text] };
  }
  const pattern = `*://${host}/*`;
  // Mail and messengers hold private correspondence: Lauscher never runs there.
  if (isPrivateArea(`https://${host}/`)) {
    return { ok: false, messageKey: 'validateSitePrivate', values: [host] };
  }
  if (isBuiltIn(host)) {
    return { ok: false, messageKey: 'validateSiteBuiltIn', values: [host] };
  }
  return { ok: true, pattern, host };
}

/** Whether a built-in pattern (e.g. *://*.facebook.com/*) already covers the host. */
export function isBuiltIn(host: string): boolean {
  return hostPatterns.some((p) => {
    const m = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(p);
    if (!m?.[2]) return false;
    return host === m[2] || (m[1] !== undefined && host.endsWith(`.${m[2]}`));
  });
}
