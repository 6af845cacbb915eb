// Conflict rules for the shared log (issue 17). Pure and symmetric: merge(a, b) equals merge(b, a), so every machine
// that sees the same conflicting revisions writes the same result, whatever order they arrived in.
import type { MentionStatus } from '../model';
import type { Profile } from '../settings';
import { type TeamMention, teamMentionJson, teamMentionOf } from './team-doc';

/** answered > ignored > seen > new: a mention someone answered stays answered. */
export const STATUS_RANK: Record<MentionStatus, number> = { new: 0, seen: 1, ignored: 2, answered: 3 };

/** Separates two notes written independently; both stay, in a fixed order. */
export const NOTE_SEPARATOR = '\n\n';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order over documents, used only to break ties the same way everywhere. */
function tieOrder(a: TeamMention, b: TeamMention): number {
  return cmp(teamMentionJson(a), teamMentionJson(b));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Both notes kept (never silently dropped); a note that already contains the other one is kept alone. */
export function mergeNotes(a: string, b: string): string {
  if (a === b || !b) return a;
  if (!a) return b;
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return [a, b].sort().join(NOTE_SEPARATOR);
}

function mergeNames(a: string | undefined, b: string | undefined): string | undefined {
  const names = union(a ? a.split(', ') : [], b ? b.split(', ') : []);
  return names.length ? names.join(', ') : undefined;
}

/** The side whose status wins; equal status: the earlier change (the first answer is the one that counts). */
function statusWinner(a: TeamMention, b: TeamMention): TeamMention {
  const byRank = STATUS_RANK[b.status] - STATUS_RANK[a.status];
  if (byRank !== 0) return byRank > 0 ? b : a;
  const byTime = a.statusChangedAt - b.statusChangedAt;
  if (byTime !== 0) return byTime < 0 ? a : b;
  return tieOrder(a, b) <= 0 ? a : b;
}

/** Two conflicting revisions of one mention → one, by the team's rules. */
export function mergeTeamMentions(x: TeamMention, y: TeamMention): TeamMention {
  const a = teamMentionOf(x);
  const b = teamMentionOf(y);
  // Descriptive fields (snippet, permalink, author…) come from whoever saw it first.
  const first = a.firstSeen !== b.firstSeen ? (a.firstSeen < b.firstSeen ? a : b) : tieOrder(a, b) <= 0 ? a : b;
  const status = statusWinner(a, b);
  const note = mergeNotes(a.note, b.note);
  const out: TeamMention = {
    ...first,
    topicIds: union(a.topicIds, b.topicIds),
    terms: union(a.terms, b.terms),
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    status: status.status,
    statusChangedAt: status.statusChangedAt,
    statusBy: status.statusBy,
    answeredAt: status.answeredAt,
    answeredBy: status.answeredBy,
    templateUsed: status.templateUsed,
    templateVersion: status.templateVersion,
    note,
    noteBy:
      note === a.note
        ? a.noteBy
        : note === b.note
          ? b.noteBy
          : mergeNames(a.note ? a.noteBy : undefined, b.note ? b.noteBy : undefined),
  };
  return teamMentionOf(out);
}

/** Any number of conflicting revisions; the order they are given in does not matter. */
export function mergeAllTeamMentions(docs: readonly TeamMention[]): TeamMention {
  const [head, ...rest] = docs.map(teamMentionOf).sort(tieOrder);
  if (!head) throw new Error('mergeAllTeamMentions: no revisions');
  return rest.reduce(mergeTeamMentions, head);
}

// -------------------------------------------------------------------------------------------------------------------
// The team profile (keywords, topics, templates): one document, the higher version wins, the loser is kept for undo.

export interface TeamProfileRevision {
  version: number;
  profile: Profile;
  by?: string;
  at: number;
}

export interface TeamProfileDoc extends TeamProfileRevision {
  type: 'profile';
  /** The revision that lost the last conflict (or was replaced), so a colleague can undo. */
  previous?: TeamProfileRevision;
}

export function profileRevisionOf(d: TeamProfileRevision): TeamProfileRevision {
  const r: TeamProfileRevision = { version: d.version, profile: d.profile, at: d.at };
  if (d.by !== undefined) r.by = d.by;
  return r;
}

function profileOrder(a: TeamProfileRevision, b: TeamProfileRevision): number {
  if (a.version !== b.version) return a.version - b.version;
  if (a.at !== b.at) return a.at - b.at;
  return cmp(JSON.stringify(profileRevisionOf(a)), JSON.stringify(profileRevisionOf(b)));
}

/** Conflicting team profiles → the winner (highest version, then latest, then a fixed order), runner-up kept. */
export function resolveProfiles(docs: readonly TeamProfileDoc[]): TeamProfileDoc {
  const ordered = [...docs].sort(profileOrder).reverse();
  const [winner, runnerUp] = ordered;
  if (!winner) throw new Error('resolveProfiles: no revisions');
  const out: TeamProfileDoc = { type: 'profile', ...profileRevisionOf(winner) };
  const keep = runnerUp ?? winner.previous;
  if (keep) out.previous = profileRevisionOf(keep);
  return out;
}
