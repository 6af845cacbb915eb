// Each settings migration on what version 1 really let users store, and once through @wxt-dev/storage itself.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileMatcher } from '../../utils/matcher';
import {
  customSitesItem,
  DEMO_PROFILE,
  matcherConfigOf,
  officeHoursItem,
  privacyItem,
  profileItem,
} from '../../utils/settings';
import {
  migrateCustomSitesV2,
  migrateOfficeHoursV2,
  migratePrivacyV2,
  migrateProfileV2,
} from '../../utils/settings-migrations';

describe('profile v1 → v2', () => {
  it('keeps a good profile exactly as it was', () => {
    expect(migrateProfileV2(structuredClone(DEMO_PROFILE))).toEqual(DEMO_PROFILE);
  });

  it('repairs what v1 stored unchecked: duplicate ids, refused terms, too many topics, huge templates', () => {
    const topic = (id: string, over = {}) => ({
      id,
      label: id,
      color: 'amber',
      terms: ['Baustelle*'],
      exclude: [],
      ...over,
    });
    const v1 = {
      ...DEMO_PROFILE,
      municipality: { name: 'Musterstadt', aliases: ['#musterstadt', '???'], caseSensitive: false },
      topics: [
        topic('bau', { terms: ['Bau*stelle', 'Sperrung', 42] }),
        topic('bau', { color: 'red' }),
        topic('x', { color: 'magenta', terms: Array.from({ length: 2500 }, (_, i) => `W${i}`) }),
        ...Array.from({ length: 300 }, (_, i) => topic(`t${i}`)),
      ],
      templates: [{ id: 'riesig', title: 'Riesig', body: 'x'.repeat(50_000), topicIds: [] }],
    };
    const v2 = migrateProfileV2(v1);
    expect(v2.municipality.aliases).toEqual(['#musterstadt']);
    expect(v2.topics).toHaveLength(200);
    expect(v2.topics[0]).toMatchObject({ id: 'bau', color: 'amber', terms: ['Sperrung'] });
    expect(v2.topics[1]).toMatchObject({ id: 'x', color: 'grey' });
    expect(v2.topics[1]?.terms).toHaveLength(2000);
    expect(v2.templates[0]?.body).toHaveLength(5000);
    // what the content script compiles no longer throws
    expect(() => compileMatcher(matcherConfigOf(v2))).not.toThrow();
  });

  it('keeps fields other issues add (form of address, pseudonym key, template versions)', () => {
    const v1 = {
      ...DEMO_PROFILE,
      houseFormality: 'sie',
      templates: [{ ...DEMO_PROFILE.templates[0], version: 4, formality: 'du' }],
    };
    expect(migrateProfileV2(v1)).toMatchObject({ houseFormality: 'sie', templates: [{ version: 4, formality: 'du' }] });
  });

  it('survives garbage', () => {
    expect(migrateProfileV2(null)).toEqual({
      municipality: { name: '', aliases: [], caseSensitive: false },
      topics: [],
      templates: [],
    });
  });
});

describe('privacy, office hours, custom sites v1 → v2', () => {
  it('clamps retention and falls back to pseudonyms for an unknown author mode', () => {
    expect(migratePrivacyV2({ authorMode: 'plain', retentionDays: 90 })).toEqual({
      authorMode: 'plain',
      retentionDays: 90,
    });
    expect(migratePrivacyV2({ authorMode: 'klartext', retentionDays: 10_000 })).toEqual({
      authorMode: 'pseudonym',
      retentionDays: 365,
    });
    expect(migratePrivacyV2({ retentionDays: 'viel' })).toEqual({ authorMode: 'pseudonym', retentionDays: 90 });
    expect(migratePrivacyV2({ authorMode: 'none', retentionDays: 1 })).toMatchObject({ retentionDays: 7 });
  });

  it('keeps valid office hours and repairs broken days and times', () => {
    const ok = { enabled: true, days: [1, 2, 3], start: '07:30', end: '15:00' };
    expect(migrateOfficeHoursV2(ok)).toEqual(ok);
    expect(migrateOfficeHoursV2({ enabled: 'ja', days: [5, 1, 1, 9, -1, 2.5], start: '25:00', end: 8 })).toEqual({
      enabled: false,
      days: [1, 5],
      start: '08:00',
      end: '16:00',
    });
  });

  it('drops empty and duplicate custom sites', () => {
    expect(migrateCustomSitesV2(['https://a.example', ' https://a.example ', '', 3, 'https://b.example'])).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(migrateCustomSitesV2('kaputt')).toEqual([]);
  });
});

describe('through @wxt-dev/storage', () => {
  it('migrates values stored by v1 (no version meta) and records version 2', async () => {
    await fakeBrowser.storage.local.set({
      profile: { ...DEMO_PROFILE, topics: [DEMO_PROFILE.topics[0], DEMO_PROFILE.topics[0]] },
      privacy: { authorMode: 'pseudonym', retentionDays: 0 },
      officeHours: { enabled: true, days: [1], start: '8 Uhr', end: '16:00' },
      customSites: ['https://a.example', 'https://a.example'],
    });
    await Promise.all([
      profileItem.migrate(),
      privacyItem.migrate(),
      officeHoursItem.migrate(),
      customSitesItem.migrate(),
    ]);
    expect((await profileItem.getValue()).topics).toHaveLength(1);
    expect((await privacyItem.getValue()).retentionDays).toBe(7);
    expect((await officeHoursItem.getValue()).start).toBe('08:00');
    expect(await customSitesItem.getValue()).toEqual(['https://a.example']);
    for (const item of [profileItem, privacyItem, officeHoursItem, customSitesItem]) {
      expect(await item.getMeta()).toEqual({ v: 2 });
    }
  });
});
