import { browser } from 'wxt/browser';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A UI string from _locales (German first, English second); the key itself if missing, so gaps are visible. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLang(): 'de' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('de') ? 'de' : 'en';
}
