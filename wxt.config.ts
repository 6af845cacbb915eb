import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Hosts where Lauscher's built-in adapters run. Other sites are opt-in at runtime (optional permissions).
export const SOCIAL_HOSTS = [
  '*://*.facebook.com/*',
  '*://*.x.com/*',
  '*://*.twitter.com/*',
  '*://*.instagram.com/*',
  '*://*.youtube.com/*',
  '*://*.reddit.com/*',
  '*://*.linkedin.com/*',
  '*://*.nebenan.de/*',
];

export default defineConfig({
  imports: false,
  modules: [],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'de',
    permissions: ['storage', 'alarms', 'sidePanel', 'unlimitedStorage', 'scripting', 'clipboardWrite'].filter(
      (p) => browser !== 'firefox' || p !== 'sidePanel',
    ),
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'lauscher@kommune.example', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
