// The one validator (options page and profile import) and the tolerant compile of the content script.
import { describe, expect, it } from 'vitest';
import { profileFromJson, profileToJson } from '../../utils/export/profile';
import { compileMatcher, compileTolerant, MUNICIPALITY_TOPIC } from '../../utils/matcher';
import { validateProfile } from '../../utils/profile-validation';
import { DEMO_PROFILE, matcherConfigOf, type Profile } from '../../utils/settings';

const withTown = (m: Partial<Profile['municipality']>): Profile => ({
  ...DEMO_PROFILE,
  municipality: { ...DEMO_PROFILE.municipality, ...m },
});

describe('validateProfile', () => {
  it('accepts the demo profile', () => {
    expect(validateProfile(DEMO_PROFILE)).toEqual([]);
  });

  it('names the field, the term and the place by what the user sees', () => {
    const long = 'x'.repeat(300);
    const issues = validateProfile(withTown({ name: 'Frankfurt am Main', aliases: ['Frankfurt', '???', long] }));
    expect(issues).toEqual([
      { field: 'municipality.aliases', messageKey: 'validateNoLetters', values: ['???', 'Frankfurt am Main', '200'] },
      {
        field: 'municipality.aliases',
        messageKey: 'validateTooLong',
        values: [`${'x'.repeat(57)}…`, 'Frankfurt am Main', '200'],
      },
    ]);
  });

  it('reports every bad topic term with the topic label, not its id', () => {
    const profile: Profile = {
      ...DEMO_PROFILE,
      topics: [{ ...(DEMO_PROFILE.topics[0] as Profile['topics'][number]), terms: ['(', 'Bau*stelle', 'Stau'] }],
    };
    expect(validateProfile(profile)).toEqual([
      { field: 'topics.0.terms', messageKey: 'validateNoLetters', values: ['(', 'Baustelle/Verkehr', '200'] },
      {
        field: 'topics.0.terms',
        messageKey: 'validateMisplacedWildcard',
        values: ['Bau*stelle', 'Baustelle/Verkehr', '200'],
      },
    ]);
  });

  it('refuses an empty town and blank topics', () => {
    const profile: Profile = {
      ...withTown({ name: '  ' }),
      topics: [{ id: 'x', label: ' ', color: 'grey', terms: [], exclude: [] }],
    };
    expect(validateProfile(profile).map((i) => [i.field, i.messageKey])).toEqual([
      ['municipality.name', 'validateNameEmpty'],
      ['topics.0.label', 'validateTopicLabelEmpty'],
      ['topics.0.terms', 'validateTopicNoTerms'],
    ]);
  });

  it('is what the profile import uses: a profile that would not compile is refused whole', () => {
    const bad = withTown({ aliases: ['???'] });
    const result = profileFromJson(profileToJson(bad));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.key).toBe('dataErrTermNoLetters');
    const good = profileFromJson(profileToJson(withTown({ contextual: ['Musterstadt'] })));
    expect(good.ok && good.profile.municipality.contextual).toEqual(['Musterstadt']);
  });
});

describe('compileTolerant (the content script never goes dark)', () => {
  it('highlights what compiles and reports the rest', () => {
    const stored = {
      municipality: { name: 'Musterstadt', aliases: ['???', 'Altstadt', 'x'.repeat(300)] },
      topics: [{ id: 'bau', terms: ['(', 'Baustelle*'] }, { id: 'broken', terms: 'Stau' }, 'not a topic'],
    };
    expect(() => compileMatcher(stored as never)).toThrow();
    const { matcher, problems } = compileTolerant(stored);
    const text = 'Baustelle in der Altstadt von Musterstadt';
    expect(matcher.scan(text).map((m) => [m.topicId, text.slice(m.start, m.end)])).toEqual([
      ['bau', 'Baustelle'],
      [MUNICIPALITY_TOPIC, 'Altstadt'],
      [MUNICIPALITY_TOPIC, 'Musterstadt'],
    ]);
    expect(problems.map((p) => [p.topicId, p.field, p.reason])).toEqual([
      [MUNICIPALITY_TOPIC, 'aliases', 'no-letters'],
      [MUNICIPALITY_TOPIC, 'aliases', 'too-long'],
      ['bau', 'terms', 'no-letters'],
      ['broken', 'terms', 'invalid-config'],
      ['', 'topics', 'invalid-config'],
    ]);
  });

  it('survives a stored value of the wrong shape altogether', () => {
    expect(compileTolerant(null).matcher.scan('Musterstadt')).toEqual([]);
    expect(compileTolerant(matcherConfigOf(DEMO_PROFILE)).problems).toEqual([]);
  });
});
