// Label and colour tables shared by the pages (popup, side panel, options), the exports and the scanner. Words
// people read come from _locales: callers pass their translator (`t` from utils/i18n in pages, the locale files in
// tests), so this module stays free of browser APIs.
import type { MentionKind, MentionStatus, Platform } from './model';

/** Highlight colours are a fixed set of slots: the page gets one stylesheet at start, never a new rule later. */
export const COLOR_SLOTS = ['amber', 'blue', 'green', 'pink', 'violet', 'teal', 'red', 'grey'] as const;
export type ColorSlot = (typeof COLOR_SLOTS)[number];

/** A translator: a _locales key (and substitutions) to the UI text. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Brand names stay as they are in every language; only the catch-all needs words. */
const PLATFORM_NAMES: Record<Exclude<Platform, 'generic'>, string> = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  reddit: 'Reddit',
  mastodon: 'Mastodon',
  linkedin: 'LinkedIn',
  nebenan: 'nebenan.de',
};

export function platformLabel(t: Translate, platform: Platform | string): string {
  if (platform === 'generic') return t('platformGeneric');
  return PLATFORM_NAMES[platform as Exclude<Platform, 'generic'>] ?? String(platform);
}

const STATUS_KEYS: Record<MentionStatus, string> = {
  new: 'statusNew',
  seen: 'statusSeen',
  answered: 'statusAnswered',
  ignored: 'statusIgnored',
};

export function statusLabel(t: Translate, status: MentionStatus | string): string {
  const key = STATUS_KEYS[status as MentionStatus];
  return key ? t(key) : String(status);
}

export function kindLabel(t: Translate, kind: MentionKind | string): string {
  return kind === 'comment' ? t('kindComment') : kind === 'post' ? t('kindPost') : String(kind);
}

/** Highlight background colours, chosen to keep dark text readable on light and dark sites alike. */
export const SLOT_COLORS: Record<ColorSlot, string> = {
  // Orange rather than yellow: lemon yellow is the town's (MUNICIPALITY_COLOR).
  amber: '#ffb347',
  blue: '#8cc8ff',
  green: '#9be39b',
  pink: '#ffb0d8',
  violet: '#cdb4ff',
  teal: '#7fe0d6',
  red: '#ff9c94',
  grey: '#d6d6d6',
};
/**
 * The municipality's own highlight colour (chips and the page highlight): lemon yellow, which no topic slot is, with
 * dark brown text where topics have near-black text. Colour alone never carries the meaning: the tooltip names the
 * town or the topic, and popup and side panel show the topic chip with its label.
 */
export const MUNICIPALITY_COLOR = '#fff06a';
export const MUNICIPALITY_TEXT_COLOR = '#4a2600';

export function slotColor(slot: string | undefined): string {
  return SLOT_COLORS[(COLOR_SLOTS as readonly string[]).includes(slot ?? '') ? (slot as ColorSlot) : 'grey'];
}
