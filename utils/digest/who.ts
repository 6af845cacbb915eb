// "von mir / vom Team" (issue 17): who did something with a mention. Pure.
//
// What counts as work on a mention: answering or ignoring it (statusBy, or answeredBy for an answer), and writing
// its note (noteBy; two merged notes name both, "Anna, Ben"). Work done in this browser before a name was recorded
// (no team sync, no display name yet) carries no name and is this person's: a colleague's work always arrives with
// their name, because their bridge records it before sending (utils/sync/engine.ts whoDidIt).
import type { Mention } from '../model';

export type WhoFilter = 'me' | 'team';

/** The names recorded for the work on this mention; '' stands for work recorded without a name. */
export function workedBy(m: Pick<Mention, 'status' | 'statusBy' | 'answeredBy' | 'note' | 'noteBy'>): string[] {
  const out: string[] = [];
  if (m.status === 'answered' || m.status === 'ignored') {
    out.push(m.statusBy ?? (m.status === 'answered' ? m.answeredBy : undefined) ?? '');
  }
  if (m.note?.trim()) out.push(...(m.noteBy ? m.noteBy.split(', ') : ['']));
  return out.map((n) => n.trim());
}

/**
 * 'me': someone did something with it and it was this person (by name or unnamed); 'team': a colleague did
 * (another name). A mention Ben answered and Anna noted is in both; an untouched one in neither.
 */
export function matchesWho(m: Parameters<typeof workedBy>[0], who: WhoFilter, me: string): boolean {
  const names = workedBy(m);
  const self = me.trim();
  return who === 'me' ? names.some((n) => n === '' || n === self) : names.some((n) => n !== '' && n !== self);
}
