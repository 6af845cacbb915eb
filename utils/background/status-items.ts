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
