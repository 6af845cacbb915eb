// The popup's work queue, pure: which mentions, in which order. Urgent topics first; within each urgency the
// overdue ones first, then the longest-waiting first (a queue, not a feed).
import type { Mention, MentionStatus, Platform } from '../model';
import { matchesWho, type WhoFilter } from './who';

export const OPEN: readonly MentionStatus[] = ['new', 'seen'];

export interface QueueFilter {
  /** At least one of these topics; empty = all. */
  topicIds?: readonly string[];
  platforms?: readonly Platform[];
  /** Empty = the open ones (new and seen). */
  statuses?: readonly MentionStatus[];
  /** Words that must all occur in the snippet (or author), case and accents ignored. */
  search?: string;
  /** "von mir" / "vom Team" (./who.ts); unset = everyone's. */
  who?: WhoFilter;
  /** This person's name as recorded with their work (utils/sync/settings.ts teamDisplayName). */
  me?: string;
}

export interface QueueEntry {
  mention: Mention;
  urgent: boolean;
  overdue: boolean;
}

export interface RankOptions {
  urgentTopicIds: readonly string[];
  /** Open mentions first seen before this instant are overdue (workingCutoff of the promise). */
  overdueBefore: number;
}

/** Lower case, accents and ß folded: "Straße" finds "strasse", "Übergang" finds "ubergang". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('de-DE').replace(/ß/g, 'ss');
}

export function searchWords(search: string | undefined): string[] {
  return search ? fold(search).split(/\s+/).filter(Boolean) : [];
}

export function matchesQueueFilter(m: Mention, f: QueueFilter, words = searchWords(f.search)): boolean {
  const statuses = f.statuses?.length ? f.statuses : OPEN;
  if (!statuses.includes(m.status)) return false;
  if (f.platforms?.length && !f.platforms.includes(m.platform)) return false;
  if (f.topicIds?.length && !m.topicIds.some((t) => f.topicIds?.includes(t))) return false;
  if (f.who && !matchesWho(m, f.who, f.me ?? '')) return false;
  if (words.length) {
    const hay = fold(`${m.snippet} ${m.author}`);
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

export function isOverdue(m: Mention, overdueBefore: number): boolean {
  return OPEN.includes(m.status) && m.firstSeen < overdueBefore;
}

/** The filtered queue in working order. */
export function rankQueue(rows: readonly Mention[], filter: QueueFilter, opts: RankOptions): QueueEntry[] {
  const urgentIds = new Set(opts.urgentTopicIds);
  const words = searchWords(filter.search);
  const out: QueueEntry[] = [];
  for (const m of rows) {
    if (!matchesQueueFilter(m, filter, words)) continue;
    out.push({
      mention: m,
      urgent: OPEN.includes(m.status) && m.topicIds.some((t) => urgentIds.has(t)),
      overdue: isOverdue(m, opts.overdueBefore),
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.mention.firstSeen - b.mention.firstSeen ||
      a.mention.id - b.mention.id,
  );
}
