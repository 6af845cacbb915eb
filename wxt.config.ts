import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  imports: false,
  modules: [],
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'de',
    permissions: [
      'storage',
      'alarms',
      'sidePanel',
      'unlimitedStorage',
      'scripting',
      'clipboardWrite',
      'notifications',
    ].filter((p) => browser !== 'firefox' || p !== 'sidePanel'),
    // Sites users add themselves are asked for one by one at that moment.
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    // The e2e build (`wxt build --mode e2e`) holds the reserved .example test domain already granted: Playwright
    // cannot click Chromium's permission prompt, and a request for a granted host resolves without one. It also
    // carries the content script's test hooks (utils/content/start.ts), which the shipped build leaves out. One real
    // newspaper host is granted as well: the adapters e2e adds it as a user's site and serves a saved page there; and
    // the loopback test CouchDB (team sync e2e), for the same reason.
    ...(mode === 'e2e' ? { host_permissions: ['*://*.example/*', '*://www.zeit.de/*', 'http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_extName__' },
    // The mention navigator (utils/background/commands.ts). Alt+Shift+J/K/L are free in Chromium and Firefox (their
    // own Alt+Shift shortcuts are I, T, B, A); users rebind them in chrome://extensions/shortcuts or about:addons.
    commands: {
      'nav-next': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_navNext__' },
      'nav-previous': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_navPrevious__' },
      'nav-open': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_navOpen__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'lauscher@kommune.example', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
