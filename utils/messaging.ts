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
  /** ui → cs: scroll to and flash the post with this key. */
  uiRevealMention(data: { mentionKey: string }): { found: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
