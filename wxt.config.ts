import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
            gecko: { id: 'lauscher@kommune.example', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
