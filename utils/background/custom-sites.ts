// Sites the user added in the options (a local paper's comments, a Mastodon instance): Lauscher's content script
// is registered for them at runtime, only for hosts the user granted, and unregistered when they are removed.
import { browser } from 'wxt/browser';
import { customSitesItem } from '../settings';

export const CUSTOM_SCRIPT_ID = 'lauscher-custom-sites';
const CONTENT_SCRIPT = 'content-scripts/content.js';

/** Where scripting.registerContentScripts is missing (older Firefox MV2), Firefox's own contentScripts.register. */
type FirefoxContentScripts = {
  register(o: {
    matches: string[];
    js: Array<{ file: string }>;
    runAt: string;
  }): Promise<{ unregister(): Promise<void> }>;
};
let firefoxRegistration: { unregister(): Promise<void> } | undefined;

async function grantedPatterns(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (await browser.permissions.contains({ origins: [p] }).catch(() => false)) out.push(p);
  }
  return out;
}

export async function syncCustomSiteScripts(): Promise<string[]> {
  const matches = await grantedPatterns(await customSitesItem.getValue());
  const scripting = browser.scripting;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
    if (existing.length) await scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] });
    if (matches.length) {
      await scripting.registerContentScripts([
        { id: CUSTOM_SCRIPT_ID, matches, js: [CONTENT_SCRIPT], runAt: 'document_start', persistAcrossSessions: true },
      ]);
    }
    return matches;
  }
  const contentScripts = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  await firefoxRegistration?.unregister();
  firefoxRegistration = undefined;
  if (contentScripts && matches.length) {
    firefoxRegistration = await contentScripts.register({
      matches,
      js: [{ file: CONTENT_SCRIPT }],
      runAt: 'document_start',
    });
  }
  return matches;
}

export function setUpCustomSites() {
  const sync = () => syncCustomSiteScripts().catch((err) => console.warn('[Lauscher] custom sites', err));
  customSitesItem.watch(sync);
  browser.permissions.onRemoved?.addListener(sync);
  void sync();
}
