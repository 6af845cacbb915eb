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

interface ProtocolMap {
  /** cs → bg: mentions found on the page (batched); the background dedupes and stores them. */
  csLogMentions(mentions: MentionInput[]): { stored: number };
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
  /** ui → bg: "Ignorieren" in the popup: mark the mention ignored and drop its highlights in every tab. */
  uiIgnoreMention(data: { id: number }): void;
  /** bg → cs: which page does this tab show? (Tab URLs of content-script-only sites are hidden from the background.) */
  bgAskPageUrl(): { url: string };
  /** bg → cs: a mention was ignored: drop the highlights of that post or comment. */
  bgForgetMention(data: { mentionKey: string }): void;
  /** ui → cs: scroll to and flash the post with this key. */
  uiRevealMention(data: { mentionKey: string }): { found: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
