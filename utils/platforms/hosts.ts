import type { Platform } from '../model';

/**
 * Match patterns each built-in adapter needs, for the manifest's content script and host permissions. Pure data: safe
 * to import from wxt.config.ts. Mastodon runs on any instance (detected by markup); the well-known German public
 * instances are listed, other instances are added by the user in options (generic registration).
 */
export const HOST_PATTERNS: Readonly<Record<Exclude<Platform, 'generic'>, readonly string[]>> = {
  facebook: ['*://*.facebook.com/*'],
  x: ['*://x.com/*', '*://*.x.com/*', '*://twitter.com/*', '*://*.twitter.com/*'],
  instagram: ['*://*.instagram.com/*'],
  youtube: ['*://*.youtube.com/*'],
  reddit: ['*://*.reddit.com/*'],
  mastodon: ['*://mastodon.social/*', '*://social.bund.de/*', '*://chaos.social/*', '*://norden.social/*'],
  linkedin: ['*://*.linkedin.com/*'],
  nebenan: ['*://nebenan.de/*', '*://*.nebenan.de/*'],
};

/** All built-in match patterns, flat and de-duplicated. */
export const hostPatterns: readonly string[] = [...new Set(Object.values(HOST_PATTERNS).flat())];
