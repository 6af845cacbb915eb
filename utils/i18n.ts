import { browser } from 'wxt/browser';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A UI string from _locales (German first, English second); the key itself if missing, so gaps are visible. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLang(): 'de' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** `t` for keys computed at run time (validators' message keys, label tables): a missing key shows as itself. */
export function tr(key: string, substitutions?: string | string[]): string {
  return t(key as MessageKey, substitutions);
}
