// The shared database's view of a mention: only the team fields (issue 17), never the page URL or raw author.
// Pure: Dexie row in, CouchDB document body out, and back. Arrays are sorted so that every machine writes the same
// JSON for the same facts (no ping-pong between two replicas that only differ in order).
import type { Mention, MentionKind, MentionStatus, Platform } from '../model';

export const MENTION_DOC_PREFIX = 'mention:';
export const PROFILE_DOC_ID = 'profile';

/** The team fields of one mention, as stored on the server (without _id/_rev). */
export interface TeamMention {
  type: 'mention';
  mentionKey: string;
  platform: Platform;
  kind: MentionKind;
  permalink: string;
  snippet: string;
  /** Already pseudonymised (or plain/empty) by the privacy mode of the machine that recorded it. */
  author: string;
  time?: string;
  topicIds: string[];
  terms: string[];
  firstSeen: number;
  lastSeen: number;
  status: MentionStatus;
  statusChangedAt: number;
  statusBy?: string;
  answeredAt?: number;
  answeredBy?: string;
  templateUsed?: string;
  templateVersion?: number;
  note: string;
  noteBy?: string;
}

const OPTIONAL = ['time', 'statusBy', 'answeredAt', 'answeredBy', 'templateUsed', 'templateVersion', 'noteBy'] as const;

export function mentionDocId(mentionKey: string): string {
  return `${MENTION_DOC_PREFIX}${mentionKey}`;
}

function sorted(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])].sort();
}

export function toTeamMention(m: Pick<Mention, keyof Omit<TeamMention, 'type'>>): TeamMention {
  const out: TeamMention = {
    type: 'mention',
    mentionKey: m.mentionKey,
    platform: m.platform,
    kind: m.kind,
    permalink: m.permalink,
    snippet: m.snippet,
    author: m.author,
    topicIds: sorted(m.topicIds),
    terms: sorted(m.terms),
    firstSeen: m.firstSeen,
    lastSeen: m.lastSeen,
    status: m.status,
    statusChangedAt: m.statusChangedAt,
    note: m.note ?? '',
  };
  // Undefined fields are left out, so JSON comparison and CouchDB see the same thing.
  for (const k of OPTIONAL)
    if (m[k] !== undefined && m[k] !== null) (out as unknown as Record<string, unknown>)[k] = m[k];
  return out;
}

/** Only the team fields of a (possibly CouchDB) document: strips _id, _rev, _conflicts and anything unknown. */
export function teamMentionOf(doc: TeamMention): TeamMention {
  return toTeamMention(doc);
}

export function teamMentionJson(doc: TeamMention): string {
  return JSON.stringify(teamMentionOf(doc));
}

/**
 * The local row after the team's view arrived: team fields from the document, local-only fields (id, pageUrl,
 * seenCount) kept; a mention first seen by a colleague gets its permalink as page URL.
 */
export function applyTeamMention(local: Mention | undefined, doc: TeamMention): Omit<Mention, 'id'> & { id?: number } {
  const { type: _type, ...fields } = teamMentionOf(doc);
  const next = { ...(local ?? { pageUrl: fields.permalink, seenCount: 1 }), ...fields } as Omit<Mention, 'id'> & {
    id?: number;
  };
  // Optional fields the team cleared go locally too.
  for (const k of OPTIONAL) if (!(k in fields)) delete next[k];
  return next;
}
