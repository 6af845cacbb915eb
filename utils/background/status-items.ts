// Small pieces of state the background shares with the popup (session storage: gone when the browser closes).
import { storage } from 'wxt/utils/storage';
import type { ActiveMention } from '../messaging';

/** The last storage problem (quota) to tell the user about in the popup. */
export const storageProblemItem = storage.defineItem<{ message: string; at: number } | null>('local:storageProblem', {
  fallback: null,
});

/** Sites whose markup no longer matches their adapter: platform → last URL seen. */
export const markupChangedItem = storage.defineItem<Record<string, { url: string; at: number }>>(
  'session:markupChanged',
  { fallback: {} },
);

/** The mention the side panel shows. */
export const activeMentionItem = storage.defineItem<ActiveMention | null>('session:activeMention', {
  fallback: null,
});

/**
 * Stored terms the content script could not compile and left out (settings from an older version, a profile saved
 * before the validator): shown in the popup and the options page until the profile changes. Written by the content
 * script only when the list differs, cleared by the options page on save.
 */
export const settingsProblemsItem = storage.defineItem<SettingsProblem[]>('local:settingsProblems', { fallback: [] });

export interface SettingsProblem {
  /** `'municipality'` or the topic's id */
  topicId: string;
  term: string;
  /** the message key of utils/matcher's REASON_MESSAGE_KEYS */
  messageKey: string;
}
