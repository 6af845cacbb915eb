// Domain types shared by the content script, the background and the extension pages.

export const PLATFORMS = [
  'facebook',
  'x',
  'instagram',
  'youtube',
  'reddit',
  'mastodon',
  'linkedin',
  'nebenan',
  'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export type MentionKind = 'post' | 'comment';

export const MENTION_STATUSES = ['new', 'seen', 'answered', 'ignored'] as const;
export type MentionStatus = (typeof MENTION_STATUSES)[number];

export type AuthorMode = 'plain' | 'pseudonym' | 'none';

/** What a content script reports for one post or comment that contains at least one match. */
export interface MentionInput {
  mentionKey: string;
  platform: Platform;
  kind: MentionKind;
  permalink: string;
  pageUrl: string;
  /** Raw author as shown on the page; the background applies the privacy mode before storing. */
  author: string;
  authorUrl?: string;
  /** ISO time when the page gives one, else the visible text. */
  time?: string;
  snippet: string;
  terms: string[];
  topicIds: string[];
  /** The matched words as they stand in the post ("Baustellen"), where `terms` holds the patterns ("Baustelle*"). */
  words?: string[];
}

/** A row of the mention log (IndexedDB). */
export interface Mention {
  id: number;
  mentionKey: string;
  platform: Platform;
  kind: MentionKind;
  permalink: string;
  pageUrl: string;
  author: string;
  time?: string;
  snippet: string;
  terms: string[];
  topicIds: string[];
  firstSeen: number;
  lastSeen: number;
  seenCount: number;
  status: MentionStatus;
  statusChangedAt: number;
  note: string;
  templateUsed?: string;
  /** Schema v2: the matched words as written, when the reply was sent, by whom, with which template version. */
  words?: string[];
  /** When the mention was first marked answered (epoch ms); kept when the status changes again later. */
  answeredAt?: number;
  answeredBy?: string;
  templateVersion?: number;
  /** Team sync: who set the current status (answered or ignored) and who wrote the note. */
  statusBy?: string;
  noteBy?: string;
}
