// "von mir / vom Team" in the popup's queue filter: who did something with a mention.
import { describe, expect, it } from 'vitest';
import { rankQueue } from '../../utils/digest/queue';
import { matchesWho, workedBy } from '../../utils/digest/who';
import type { Mention } from '../../utils/model';
import { row } from './mentions-helpers';

let id = 0;
const m = (over: Partial<Mention>): Mention => ({ ...row(`w${++id}`, over), id, ...over }) as Mention;

const rows = {
  untouched: m({}),
  annaAnswered: m({ status: 'answered', statusBy: 'Anna', answeredBy: 'Anna' }),
  benAnswered: m({ status: 'answered', statusBy: 'Ben', answeredBy: 'Ben' }),
  benIgnored: m({ status: 'ignored', statusBy: 'Ben' }),
  // Answered in this browser before sync or a name existed: nobody's name, so it is this person's.
  answeredHereUnnamed: m({ status: 'answered' }),
  annaNoteOpen: m({ status: 'seen', note: 'Rückfrage beim Bauamt läuft', noteBy: 'Anna' }),
  mergedNotes: m({ status: 'new', note: 'a\n\nb', noteBy: 'Anna, Ben' }),
  benAnsweredAnnaNote: m({ status: 'answered', statusBy: 'Ben', answeredBy: 'Ben', note: 'x', noteBy: 'Anna' }),
  // Answered by Ben, reopened later: the old answer is no longer what the mention's state says.
  reopenedAfterBen: m({ status: 'new', answeredBy: 'Ben', statusBy: 'Ben' }),
  oldAnswerName: m({ status: 'answered', answeredBy: 'Ben' }),
};

const who = (w: 'me' | 'team', me = 'Anna') =>
  Object.entries(rows)
    .filter(([, r]) => matchesWho(r, w, me))
    .map(([k]) => k);

describe('who did something with a mention', () => {
  it('records the status and note names, unnamed work as ""', () => {
    expect(workedBy(rows.untouched)).toEqual([]);
    expect(workedBy(rows.benAnsweredAnnaNote)).toEqual(['Ben', 'Anna']);
    expect(workedBy(rows.mergedNotes)).toEqual(['Anna', 'Ben']);
    expect(workedBy(rows.answeredHereUnnamed)).toEqual(['']);
    expect(workedBy(rows.oldAnswerName)).toEqual(['Ben']);
    expect(workedBy(rows.reopenedAfterBen)).toEqual([]);
  });

  it('"von mir": what Anna answered, ignored or noted, and unnamed work in her browser', () => {
    expect(who('me')).toEqual([
      'annaAnswered',
      'answeredHereUnnamed',
      'annaNoteOpen',
      'mergedNotes',
      'benAnsweredAnnaNote',
    ]);
  });

  it('"vom Team": what colleagues did; a mention both worked on is in both lists', () => {
    expect(who('team')).toEqual(['benAnswered', 'benIgnored', 'mergedNotes', 'benAnsweredAnnaNote', 'oldAnswerName']);
  });

  it("Ben's view is the mirror image (names compared trimmed)", () => {
    expect(who('me', ' Ben ')).toEqual([
      'benAnswered',
      'benIgnored',
      'answeredHereUnnamed',
      'mergedNotes',
      'benAnsweredAnnaNote',
      'oldAnswerName',
    ]);
    expect(who('team', 'Ben')).toEqual(['annaAnswered', 'annaNoteOpen', 'mergedNotes', 'benAnsweredAnnaNote']);
  });

  it('combines with the other queue filters (status, topic)', () => {
    const all = Object.values(rows);
    const opts = { urgentTopicIds: [], overdueBefore: 0 };
    const ids = (f: Parameters<typeof rankQueue>[1]) => rankQueue(all, f, opts).map((e) => e.mention.id);
    expect(ids({ statuses: ['answered'], who: 'team', me: 'Anna' })).toEqual([
      rows.benAnswered.id,
      rows.benAnsweredAnnaNote.id,
      rows.oldAnswerName.id,
    ]);
    expect(ids({ statuses: ['answered'], who: 'me', me: 'Anna' })).toEqual([
      rows.annaAnswered.id,
      rows.answeredHereUnnamed.id,
      rows.benAnsweredAnnaNote.id,
    ]);
    // Open (the default): only notes can make an open mention someone's.
    expect(ids({ who: 'me', me: 'Anna' })).toEqual([rows.annaNoteOpen.id, rows.mergedNotes.id]);
    expect(ids({ who: 'team', me: 'Anna', topicIds: ['bau'] })).toEqual([]);
    expect(ids({}).length).toBe(4);
  });
});
