// Turning what a user types ("lokalzeitung.de/artikel/123", "https://social.example/") into the match pattern
// Lauscher asks permission for and registers its content script on: the whole host, http and https.
import { hostPatterns } from './platforms/hosts';
import { isPrivateArea } from './privacy/private-areas';

export type SitePattern = { ok: true; pattern: string; host: string } | { ok: false; message: string };

export function sitePatternFor(input: string): SitePattern {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Bitte geben Sie die Adresse einer Website ein, z. B. www.lokalzeitung.de.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: `„${text}“ ist keine gültige Web-Adresse.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'Nur Websites mit http:// oder https:// sind möglich.' };
  }
  const host = url.hostname.toLowerCase();
  if (!host.includes('.') || host.endsWith('.')) {
    return { ok: false, message: `„${text}“ ist keine vollständige Web-Adresse.` };
  }
  const pattern = `*://${host}/*`;
  // Mail and messengers hold private correspondence: Lauscher never runs there.
  if (isPrivateArea(`https://${host}/`)) {
    return {
      ok: false,
      message: `${host} ist ein privater Bereich (E-Mail oder Nachrichten): Lauscher liest dort nie mit.`,
    };
  }
  if (isBuiltIn(host)) {
    return { ok: false, message: `Auf ${host} läuft Lauscher bereits, ohne dass Sie etwas hinzufügen müssen.` };
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
