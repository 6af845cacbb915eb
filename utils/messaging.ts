// The ONE typed protocol between content scripts, extension pages and the background.
// Names say the direction: cs = content script, bg = background, ui = popup / side panel / options.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MentionInput } from './model';

export interface ActiveMention {
  mentionKey: string;
  tabId?: number;
}

/**
 * What became of "In Kommentarfeld einfügen", read back from the box: `inserted` only when the box shows the text;
 * `noBox` when the post has no comment box we can find; `notTaken` when a box was found but did not take the text.
 * `method` is the input path that worked (diagnostics and tests).
 */
export interface InsertReplyResult {
  status: 'inserted' | 'noBox' | 'notTaken';
  method?: 'paste' | 'execCommand' | 'setRangeText';
}

/** The keyboard commands of the mention navigator (manifest `commands`, utils/background/commands.ts). */
export type NavCommand = 'nav-next' | 'nav-previous' | 'nav-open';

/** One highlighted mention on the current page, in reading order (side panel "Auf dieser Seite"). */
export interface PageMention {
  /** Stable while the page keeps that text; used to jump to it. */
  id: number;
  topicId: string;
  topicLabel: string;
  term: string;
  snippet: string;
}

export interface PageMentions {
  /** Bumped whenever the page's highlights change; the side panel asks again only when it moved. */
  version: number;
  /** Omitted when `version` equals the one asked with. */
  items?: PageMention[];
  /** The mention the navigator is on, if any (sent on every answer: the shortcuts move it). */
  currentId?: number;
}

interface ProtocolMap {
  /**
   * cs → bg: mentions found on the page (batched); the background dedupes and stores them, and answers with the keys
   * among them that are ignored in the log (their highlights go, as with bgForgetMention).
   */
  csLogMentions(mentions: MentionInput[]): { stored: number; ignored?: string[] };
  /**
   * cs → bg, on a site set to "observe only" (which logs nothing): which of these posts the officer hid or the log
   * holds as ignored, so the page leaves them unhighlighted.
   */
  csHiddenAmong(mentionKeys: string[]): string[];
  /** cs → bg: the site's markup no longer has the post containers the adapter expects. */
  csReportMarkupChanged(info: { platform: string; url: string }): void;
  /** cs → bg: the user asked to open a mention in the side panel (from the on-page tooltip). */
  csOpenInSidePanel(mention: MentionInput): void;
  /** cs → bg: the user chose "ignore this post" in the on-page tooltip. */
  csIgnoreMention(mention: MentionInput): void;
  /** ui → cs: put a reply into the comment box of the post with this key (side panel "Einfügen"). */
  uiInsertReply(data: { mentionKey: string; text: string }): InsertReplyResult;
  /** ui → bg: "Beitrag öffnen": focus a tab showing this permalink, else open one. */
  uiOpenPermalink(data: { url: string }): { focused: boolean };
  /**
   * ui → bg: "Alles löschen": every mention in this browser; with team sync set up also the local replica of the team
   * log, and sync is switched off (so the server does not refill it). The team database itself is left alone.
   */
  uiEraseLog(): { erased: number; teamSyncOff: boolean };
  /** ui → bg: "Ignorieren" in the popup: mark the mention ignored and drop its highlights in every tab. */
  uiIgnoreMention(data: { id: number }): void;
  /** bg → cs: which page does this tab show? (Tab URLs of content-script-only sites are hidden from the background.) */
  bgAskPageUrl(): { url: string };
  /** bg → cs: a mention was ignored: drop the highlights of that post or comment. */
  bgForgetMention(data: { mentionKey: string }): void;
  /** ui → cs: scroll to and flash the post with this key. */
  uiRevealMention(data: { mentionKey: string }): { found: boolean };
  /** bg → cs: a navigator shortcut was pressed in this tab; `nav-open` answers with the mention to open, if any. */
  bgNavCommand(data: { command: NavCommand }): { mention: MentionInput | null };
  /** cs → bg: the author label the log would store for this author (privacy mode applied), for announcements. */
  csAuthorLabel(data: { author: string }): string;
  /** ui → cs: the page's highlighted mentions in reading order (side panel), unless `version` is still current. */
  uiListPageMentions(data: { version?: number }): PageMentions;
  /** ui → cs: move the navigator to this mention (scroll, outline, tooltip, announcement). */
  uiGoToPageMention(data: { id: number }): { found: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
