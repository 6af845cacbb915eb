import { describe, expect, it } from 'vitest';
import { profileFromJson, profileToJson } from '../../utils/export/profile';
import { DEMO_PROFILE, type ReplyTemplate } from '../../utils/settings';
import { STARTER_TEMPLATES } from '../../utils/starter-templates';
import {
  applyTemplateEdits,
  checkPlaceholders,
  endOfDay,
  greetingFor,
  groupVariants,
  isExpired,
  looksLikePersonName,
  renderTemplate,
  suggestPlaceholder,
  toDateInput,
  usableVariants,
} from '../../utils/templates';

const tpl = (over: Partial<ReplyTemplate> = {}): ReplyTemplate => ({
  id: 'x',
  title: 'Titel',
  body: '{{anrede}}\ndanke!',
  topicIds: [],
  formality: 'sie',
  version: 1,
  ...over,
});

describe('placeholder validation', () => {
  it('flags unknown placeholders and offers the one that was meant', () => {
    expect(checkPlaceholders('Hallo {{name}}, hier ist {{ Gemeinde }}.')).toEqual([
      { token: '{{name}}', kind: 'unknown', suggestion: 'autor' },
      { token: '{{ Gemeinde }}', kind: 'unknown', suggestion: 'kommune' },
    ]);
  });

  it('catches typos and leaves far-off names without a guess', () => {
    expect(suggestPlaceholder('komune')).toBe('kommune');
    expect(suggestPlaceholder('sprechzeit')).toBe('sprechzeiten');
    expect(suggestPlaceholder('Anrede ')).toBe('anrede');
    expect(suggestPlaceholder('aktenzeichen')).toBeUndefined();
    expect(checkPlaceholders('{{aktenzeichen}}')).toEqual([{ token: '{{aktenzeichen}}', kind: 'unknown' }]);
  });

  it('accepts every known placeholder, any case and spacing, and reports each problem once', () => {
    expect(
      checkPlaceholders('{{anrede}} {{ KOMMUNE }} {{autor}} {{sprechzeiten}} {{plattform}} {{thema}} {{datum}}'),
    ).toEqual([]);
    expect(checkPlaceholders('{{ort}} und {{ort}}')).toHaveLength(1);
  });

  it('flags a lone {{ or }}', () => {
    expect(checkPlaceholders('Hallo {{kommune, bis bald}}')).toEqual([
      { token: '{{kommune, bis bald}}', kind: 'unknown' },
    ]);
    expect(checkPlaceholders('Hallo {{kommune')).toEqual([{ token: '{{', kind: 'broken' }]);
    expect(checkPlaceholders('Hallo kommune}}')).toEqual([{ token: '}}', kind: 'broken' }]);
  });
});

describe('greeting choice', () => {
  it.each([
    ['Anna Schmidt', true],
    ['Hans-Peter Müller-Lüdenscheidt', true],
    ['Ursula von der Leyen', true],
    ['Anna S.', true],
    ['Zoë O’Brien', true],
    ['Fiona McLean', true],
    ['Anna SCHMIDT', false],
    ['Person 3F9A', false], // the log's pseudonym
    ['Feuerwehr-Fan MS', false], // a screen name
    ['Stadt Musterstadt', false],
    ['Freunde der Altstadt', false],
    ['Anna', false], // one word may be a nickname
    ['anna schmidt', false],
    ['Anna Schmidt 1987', false],
    ['@anna_schmidt', false],
    ['BÜRGERINITIATIVE SÜD', false],
    ['', false],
    [undefined, false],
  ])('%s looks like a person: %s', (name, expected) => {
    expect(looksLikePersonName(name)).toBe(expected);
  });

  it('greets a person by name, otherwise neutrally; Du by first name', () => {
    expect(greetingFor('Anna Schmidt', 'sie')).toBe('Hallo Anna Schmidt,');
    expect(greetingFor('Anna  Schmidt ', 'du')).toBe('Hallo Anna,');
    expect(greetingFor('Person 3F9A', 'sie')).toBe('Guten Tag,');
    expect(greetingFor('Feuerwehr-Fan MS', 'sie')).toBe('Guten Tag,');
    expect(greetingFor('Feuerwehr-Fan MS', 'du')).toBe('Hallo,');
    expect(greetingFor('', 'du')).toBe('Hallo,');
    expect(greetingFor('Familie Yilmaz', 'du')).toBe('Hallo Familie Yilmaz,');
  });
});

describe('rendering', () => {
  const vars = { kommune: 'Musterstadt', sprechzeiten: 'Mo–Fr 08:00–16:00 Uhr', author: 'Anna Schmidt' };

  it('fills {{anrede}} by the template formality and the other placeholders from the vars', () => {
    const body = '{{anrede}}\nAlles zu {{kommune}}, erreichbar {{sprechzeiten}}.';
    expect(renderTemplate(tpl({ body }), vars)).toEqual({
      text: 'Hallo Anna Schmidt,\nAlles zu Musterstadt, erreichbar Mo–Fr 08:00–16:00 Uhr.',
      problems: [],
    });
    expect(renderTemplate(tpl({ body, formality: 'du' }), { ...vars, author: 'Person 3F9A' }).text).toMatch(
      /^Hallo,\n/,
    );
  });

  it('leaves unknown and empty placeholders in the text and lists them', () => {
    const r = renderTemplate(tpl({ body: 'Hallo {{autor}} aus {{gemeinde}}, {{thema}}' }), {
      ...vars,
      author: 'Feuerwehr-Fan MS',
    });
    expect(r.text).toBe('Hallo {{autor}} aus {{gemeinde}}, {{thema}}');
    expect(r.problems).toEqual([
      { token: '{{gemeinde}}', kind: 'unknown', suggestion: 'kommune' },
      { token: '{{autor}}', kind: 'empty', suggestion: 'anrede' },
      { token: '{{thema}}', kind: 'empty' },
    ]);
  });

  it('fills {{autor}} only with a person’s name', () => {
    expect(renderTemplate(tpl({ body: 'Danke, {{autor}}!' }), vars).text).toBe('Danke, Anna Schmidt!');
  });
});

describe('versions and approval', () => {
  const saved = [tpl({ id: 'a', version: 3, approvedBy: 'Pressestelle', approvedAt: 1 }), tpl({ id: 'b' })];

  it('bumps the version of an edited title or body, and only that', () => {
    const next = applyTemplateEdits(saved, [
      { ...(saved[0] as ReplyTemplate), body: 'Neu' },
      { ...(saved[1] as ReplyTemplate), topicIds: ['bau'] },
    ]);
    expect(next.map((x) => x.version)).toEqual([4, 1]);
    expect(applyTemplateEdits(saved, [{ ...(saved[1] as ReplyTemplate), title: 'Anders' }])[0]?.version).toBe(2);
  });

  it('lets the approval of the old wording lapse unless the same edit renewed it', () => {
    const [lapsed] = applyTemplateEdits(saved, [{ ...(saved[0] as ReplyTemplate), body: 'Neu' }]);
    expect(lapsed?.approvedBy).toBeUndefined();
    expect(lapsed?.approvedAt).toBeUndefined();
    const [renewed] = applyTemplateEdits(saved, [
      { ...(saved[0] as ReplyTemplate), body: 'Neu', approvedBy: 'Bürgermeisterin', approvedAt: 2 },
    ]);
    expect(renewed).toMatchObject({ version: 4, approvedBy: 'Bürgermeisterin', approvedAt: 2 });
    const [untouched] = applyTemplateEdits(saved, [saved[0] as ReplyTemplate]);
    expect(untouched).toEqual(saved[0]);
  });

  it('starts new templates at 1 and fills in what an old profile lacks', () => {
    const old = { id: 'c', title: 'T', body: 'B', topicIds: [] } as unknown as ReplyTemplate;
    expect(applyTemplateEdits([], [old])[0]).toMatchObject({ version: 1, formality: 'sie' });
    expect(applyTemplateEdits([old], [{ ...old, body: 'B2' }])[0]?.version).toBe(2);
  });

  it('a template expires after the last valid day', () => {
    const until = endOfDay('2026-11-30') as number;
    expect(toDateInput(until)).toBe('2026-11-30');
    expect(isExpired(tpl({ validUntil: until }), new Date(2026, 10, 30, 23, 0).getTime())).toBe(false);
    expect(isExpired(tpl({ validUntil: until }), new Date(2026, 11, 1, 0, 1).getTime())).toBe(true);
    expect(isExpired(tpl(), Date.now())).toBe(false);
    expect(endOfDay('30.11.2026')).toBeUndefined();
  });
});

describe('Sie/Du variants', () => {
  it('groups variants and puts the house formality first, leaving out expired wordings', () => {
    const templates = [
      tpl({ id: 'a-sie', variantGroup: 'a' }),
      tpl({ id: 'a-du', variantGroup: 'a', formality: 'du' }),
      tpl({ id: 'solo' }),
      tpl({ id: 'old-sie', variantGroup: 'old', validUntil: 10 }),
    ];
    const groups = groupVariants(templates);
    expect(groups.map((g) => g.key)).toEqual(['a', 'id:solo', 'old']);
    expect(usableVariants(groups[0] as never, 'du', 100).map((x) => x.id)).toEqual(['a-du', 'a-sie']);
    expect(usableVariants(groups[0] as never, 'sie', 100).map((x) => x.id)).toEqual(['a-sie', 'a-du']);
    expect(usableVariants(groups[2] as never, 'sie', 100)).toEqual([]);
  });
});

describe('starter set', () => {
  const groups = groupVariants(STARTER_TEMPLATES);

  it('has at least 15 replies, each in Sie and Du, with the demo profile using it', () => {
    expect(groups.length).toBeGreaterThanOrEqual(15);
    for (const g of groups) {
      expect(g.sie?.formality, g.key).toBe('sie');
      expect(g.du?.formality, g.key).toBe('du');
    }
    expect(DEMO_PROFILE.templates).toBe(STARTER_TEMPLATES);
    expect(new Set(STARTER_TEMPLATES.map((x) => x.id)).size).toBe(STARTER_TEMPLATES.length);
  });

  it('uses only known placeholders, greets with {{anrede}}, and its topics exist in the demo profile', () => {
    const topicIds = new Set(DEMO_PROFILE.topics.map((x) => x.id));
    for (const x of STARTER_TEMPLATES) {
      expect(checkPlaceholders(x.body), x.id).toEqual([]);
      expect(x.body.startsWith('{{anrede}}\n'), x.id).toBe(true);
      for (const id of x.topicIds) expect(topicIds.has(id), `${x.id}: ${id}`).toBe(true);
    }
  });

  it('the Du wording does not address people as "Sie" and the Sie wording not as "du"', () => {
    for (const g of groups) {
      expect(g.du?.body, g.key).not.toMatch(/\b(Sie|Ihr|Ihre|Ihnen|Ihren|Ihrem)\b/);
      expect(g.sie?.body, g.key).not.toMatch(/\b(du|dich|dir|dein|deine|deinen|deinem|deiner)\b/i);
    }
  });

  it('covers the situations the study names', () => {
    const titles = groups.map((g) => g.sie?.title).join(' | ');
    for (const word of [
      'Hinweis',
      'zuständige',
      'Baustelle',
      'Unwetter',
      'Falschmeldung',
      'Netiquette',
      'antworten',
      'persönlichen Daten',
      'Stellenangebot',
      'Veranstaltung',
      'Beschwerde',
      'Direktnachricht',
      'Beteiligung',
      'prüfen',
      '115',
    ]) {
      expect(titles).toContain(word);
    }
  });
});

describe('team profile file', () => {
  it('carries formality, variant group, version, approval and the house formality', () => {
    const profile = {
      ...DEMO_PROFILE,
      houseFormality: 'du' as const,
      templates: [
        tpl({
          id: 'a',
          variantGroup: 'g',
          formality: 'du',
          version: 7,
          approvedBy: 'Amt 13',
          approvedAt: Date.UTC(2026, 0, 5),
          validUntil: Date.UTC(2026, 11, 31),
        }),
      ],
    };
    const read = profileFromJson(profileToJson(profile));
    expect(read.ok && read.profile.houseFormality).toBe('du');
    expect(read.ok && read.profile.templates).toEqual(profile.templates);
  });

  it('reads a file written before Sie/Du as Sie, version 1, not approved', () => {
    const file = JSON.stringify({
      format: 'lauscher-profile',
      version: 1,
      profile: {
        municipality: { name: 'Musterstadt', aliases: [] },
        topics: [],
        templates: [{ id: 'a', title: 'T', body: 'B', topicIds: [] }],
      },
    });
    const read = profileFromJson(file);
    expect(read.ok && read.profile.houseFormality).toBe('sie');
    expect(read.ok && read.profile.templates).toEqual([
      { id: 'a', title: 'T', body: 'B', topicIds: [], formality: 'sie', version: 1 },
    ]);
  });
});
