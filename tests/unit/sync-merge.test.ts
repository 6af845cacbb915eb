import { describe, expect, it } from 'vitest';
import { DEMO_PROFILE } from '../../utils/settings';
import {
  mergeAllTeamMentions,
  mergeNotes,
  mergeTeamMentions,
  resolveProfiles,
  type TeamProfileDoc,
} from '../../utils/sync/merge';
import type { TeamMention } from '../../utils/sync/team-doc';
import { applyTeamMention, toTeamMention } from '../../utils/sync/team-doc';
import { row } from './mentions-helpers';

const T = Date.UTC(2026, 11, 1, 8);

function doc(over: Partial<TeamMention> = {}): TeamMention {
  return toTeamMention({ ...row('k1', { firstSeen: T, lastSeen: T }), ...over });
}

describe('mergeTeamMentions', () => {
  it('status precedence answered > ignored > seen > new, whoever wrote last', () => {
    const order = ['new', 'seen', 'ignored', 'answered'] as const;
    for (const [i, a] of order.entries()) {
      for (const [j, b] of order.entries()) {
        const x = doc({ status: a, statusChangedAt: T + 10 });
        const y = doc({ status: b, statusChangedAt: T + 20 });
        expect(mergeTeamMentions(x, y).status).toBe(order[Math.max(i, j)]);
      }
    }
  });

  it('keeps the answer record of the earlier answer', () => {
    const anna = doc({
      status: 'answered',
      statusChangedAt: T + 5,
      answeredAt: T + 5,
      answeredBy: 'Anna',
      statusBy: 'Anna',
    });
    const ben = doc({
      status: 'answered',
      statusChangedAt: T + 9,
      answeredAt: T + 9,
      answeredBy: 'Ben',
      statusBy: 'Ben',
    });
    const m = mergeTeamMentions(ben, anna);
    expect(m.answeredBy).toBe('Anna');
    expect(m.answeredAt).toBe(T + 5);
    const ignored = doc({ status: 'ignored', statusChangedAt: T + 1, statusBy: 'Ben' });
    expect(mergeTeamMentions(ignored, anna)).toMatchObject({ status: 'answered', answeredBy: 'Anna' });
  });

  it('earliest firstSeen, latest lastSeen, union of topics and terms', () => {
    const a = doc({ firstSeen: T + 100, lastSeen: T + 200, topicIds: ['bau'], terms: ['Baustelle'] });
    const b = doc({ firstSeen: T + 50, lastSeen: T + 150, topicIds: ['unwetter', 'bau'], terms: ['Hochwasser'] });
    const m = mergeTeamMentions(a, b);
    expect(m.firstSeen).toBe(T + 50);
    expect(m.lastSeen).toBe(T + 200);
    expect(m.topicIds).toEqual(['bau', 'unwetter']);
    expect(m.terms).toEqual(['Baustelle', 'Hochwasser']);
  });

  it('never drops a note: two different notes are both kept, with both names', () => {
    const a = doc({ note: 'Rückruf Bauamt', noteBy: 'Anna' });
    const b = doc({ note: 'Pressestelle informiert', noteBy: 'Ben' });
    const m = mergeTeamMentions(a, b);
    expect(m.note).toContain('Rückruf Bauamt');
    expect(m.note).toContain('Pressestelle informiert');
    expect(m.noteBy).toBe('Anna, Ben');
    expect(mergeNotes('Rückruf', 'Rückruf Bauamt erledigt')).toBe('Rückruf Bauamt erledigt');
    expect(mergeNotes('', 'x')).toBe('x');
    expect(mergeTeamMentions(a, doc({ note: '' })).note).toBe('Rückruf Bauamt');
  });

  it('is the same on every machine: symmetric, idempotent, order-free', () => {
    const docs = [
      doc({ status: 'seen', statusChangedAt: T + 3, note: 'eins', noteBy: 'A', topicIds: ['x'] }),
      doc({ status: 'ignored', statusChangedAt: T + 4, statusBy: 'B', note: 'zwei', noteBy: 'B', lastSeen: T + 99 }),
      doc({
        status: 'answered',
        statusChangedAt: T + 8,
        answeredAt: T + 8,
        answeredBy: 'C',
        firstSeen: T - 5,
        snippet: 'früher',
      }),
    ];
    const a = JSON.stringify(mergeAllTeamMentions(docs));
    const permutations = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const p of permutations)
      expect(JSON.stringify(mergeAllTeamMentions(p.map((i) => docs[i] as TeamMention)))).toBe(a);
    for (const [x, y] of [
      [docs[0], docs[1]],
      [docs[1], docs[2]],
    ] as [TeamMention, TeamMention][]) {
      expect(mergeTeamMentions(x, y)).toEqual(mergeTeamMentions(y, x));
      const m = mergeTeamMentions(x, y);
      expect(mergeTeamMentions(m, m)).toEqual(m);
    }
    const merged = JSON.parse(a) as TeamMention;
    expect(merged.snippet).toBe('früher');
    expect(merged.note).toBe('eins\n\nzwei');
  });

  it('applying a team document keeps local-only fields and clears what the team cleared', () => {
    const local = { ...row('k1', { templateUsed: 'old' }), id: 7, pageUrl: 'https://www.facebook.com/x', seenCount: 4 };
    const next = applyTeamMention(local, doc({ status: 'answered', answeredBy: 'Anna', answeredAt: T }));
    expect(next).toMatchObject({ id: 7, pageUrl: 'https://www.facebook.com/x', seenCount: 4, answeredBy: 'Anna' });
    expect('templateUsed' in next).toBe(false);
    const fresh = applyTeamMention(undefined, doc());
    expect(fresh.pageUrl).toBe(fresh.permalink);
    expect(fresh.id).toBeUndefined();
  });
});

describe('resolveProfiles', () => {
  const rev = (version: number, at: number, by: string): TeamProfileDoc => ({
    type: 'profile',
    version,
    at,
    by,
    profile: { ...DEMO_PROFILE, municipality: { ...DEMO_PROFILE.municipality, name: by } },
  });

  it('the higher version wins and the loser is kept for undo', () => {
    const r = resolveProfiles([rev(3, T, 'Anna'), rev(4, T - 1000, 'Ben')]);
    expect(r.version).toBe(4);
    expect(r.by).toBe('Ben');
    expect(r.previous).toMatchObject({ version: 3, by: 'Anna' });
  });

  it('equal versions: the later edit wins, the same on every machine', () => {
    const a = rev(5, T + 10, 'Anna');
    const b = rev(5, T + 20, 'Ben');
    expect(resolveProfiles([a, b])).toEqual(resolveProfiles([b, a]));
    expect(resolveProfiles([a, b]).by).toBe('Ben');
    expect(resolveProfiles([a, b]).previous?.by).toBe('Anna');
  });
});
