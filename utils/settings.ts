// Typed settings with fallbacks: with nothing configured, Lauscher works for the demo town "Musterstadt".
import { storage } from 'wxt/utils/storage';
import { COLOR_SLOTS, type ColorSlot } from './labels';
import type { MatcherConfig } from './matcher';
import type { AuthorMode } from './model';
import type { SiteModes } from './privacy/site-modes';
import { migrateCustomSitesV2, migrateOfficeHoursV2, migratePrivacyV2, migrateProfileV2 } from './settings-migrations';
import { STARTER_TEMPLATES } from './starter-templates';

export { COLOR_SLOTS, type ColorSlot };

export interface Topic {
  id: string;
  label: string;
  color: ColorSlot;
  terms: string[];
  exclude: string[];
  caseSensitive?: boolean;
  /** Urgent topics (crisis, fake news) come first in the digest. */
  urgent?: boolean;
}

/** How a reply addresses people: formal "Sie" or informal "Du". */
export type Formality = 'sie' | 'du';

export interface ReplyTemplate {
  id: string;
  title: string;
  body: string;
  /** Suggested for mentions of these topics; empty = for every mention. */
  topicIds: string[];
  formality: Formality;
  /** Templates with the same group are the Sie and Du wording of one reply. */
  variantGroup?: string;
  /** Bumped by every edit of title or body; a mention answered with it records the version. */
  version: number;
  approvedBy?: string;
  /** Epoch ms. */
  approvedAt?: number;
  /** Epoch ms (end of the last valid day); expired templates are marked and not suggested. */
  validUntil?: number;
}

export interface Municipality {
  /** The official name without status ("Frankfurt am Main"), or a Kreis's own name ("Landkreis Esslingen"). */
  name: string;
  /** The names people write (derived chips, districts, hashtags), each counting on its own. */
  aliases: string[];
  caseSensitive: boolean;
  /** Everyday or shared words that count only with a town signal (context matching): "Halle", "Weil". */
  contextual?: string[];
}

/** What a team shares by file: keywords and reply templates. */
export interface Profile {
  municipality: Municipality;
  topics: Topic[];
  templates: ReplyTemplate[];
  /** The team's usual address; the side panel shows that variant first. */
  houseFormality: Formality;
  /**
   * The team's pseudonym key (64 hex digits, utils/privacy/team-privacy.ts): created once, carried by the profile
   * file, so every colleague derives the same "Person 3F9A" for the same author. Rotating it starts new pseudonyms.
   */
  pseudonymKey?: string;
  /** How the team stores authors; absent in profiles from before it was a team setting (then Privacy.authorMode). */
  authorMode?: AuthorMode;
}

export interface OfficeHours {
  enabled: boolean;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  days: number[];
  start: string;
  end: string;
}

/** The published response promise, counted in working time (office hours, without holidays). */
export interface ResponsePromise {
  /** Working hours within which a mention is to be answered. */
  hours: number;
  /** Days off as "YYYY-MM-DD". */
  holidays: string[];
}

/** A topic "surges" when its last hour has more than `factor` × its trailing 7-day hourly mean and at least `min`. */
export interface SurgeRule {
  factor: number;
  min: number;
}

export interface Privacy {
  /** Superseded by Profile.authorMode (a team setting); read only for profiles that do not have one yet. */
  authorMode: AuthorMode;
  retentionDays: number;
}

export const DEMO_PROFILE: Profile = {
  municipality: { name: 'Musterstadt', aliases: ['#musterstadt'], caseSensitive: false },
  topics: [
    {
      id: 'bau',
      label: 'Baustelle/Verkehr',
      color: 'amber',
      terms: ['Baustelle*', 'Umleitung*', 'Sperrung', 'Stau'],
      exclude: [],
    },
    {
      id: 'unwetter',
      label: 'Unwetter/Hochwasser',
      color: 'blue',
      terms: ['Hochwasser', 'Unwetter*', 'Starkregen', 'Überschwemmung*', 'Sandsäcke'],
      exclude: [],
      urgent: true,
    },
    {
      id: 'fakenews',
      label: 'Gerüchte/Falschmeldungen',
      color: 'red',
      terms: ['Fake', 'Gerücht*', 'angeblich', 'Lügenpresse'],
      exclude: [],
      urgent: true,
    },
    {
      id: 'breitband',
      label: 'Breitband/Glasfaser',
      color: 'green',
      terms: ['Glasfaser*', 'Breitband*', 'Funkloch', 'Internet'],
      exclude: [],
    },
    {
      id: 'jobs',
      label: 'Stellen/Ausbildung',
      color: 'violet',
      terms: ['Stellenangebot*', 'Ausbildung*', 'Praktikum', 'Bewerbung*'],
      exclude: [],
    },
  ],
  templates: STARTER_TEMPLATES,
  houseFormality: 'sie',
};

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  enabled: false,
  days: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '16:00',
};
export const DEFAULT_RESPONSE_PROMISE: ResponsePromise = { hours: 24, holidays: [] };
export const DEFAULT_SURGE_RULE: SurgeRule = { factor: 3, min: 5 };
export const DEFAULT_PRIVACY: Privacy = { authorMode: 'pseudonym', retentionDays: 90 };

// Versions and migrations: utils/settings-migrations.ts (each tested in tests/unit/settings-migrations.test.ts).
export const profileItem = storage.defineItem<Profile>('local:profile', {
  fallback: DEMO_PROFILE,
  version: 2,
  migrations: { 2: migrateProfileV2 },
});
export const officeHoursItem = storage.defineItem<OfficeHours>('local:officeHours', {
  fallback: DEFAULT_OFFICE_HOURS,
  version: 2,
  migrations: { 2: migrateOfficeHoursV2 },
});
export const privacyItem = storage.defineItem<Privacy>('local:privacy', {
  fallback: DEFAULT_PRIVACY,
  version: 2,
  migrations: { 2: migratePrivacyV2 },
});
export const responsePromiseItem = storage.defineItem<ResponsePromise>('local:responsePromise', {
  fallback: DEFAULT_RESPONSE_PROMISE,
  version: 1,
});
export const surgeRuleItem = storage.defineItem<SurgeRule>('local:surgeRule', {
  fallback: DEFAULT_SURGE_RULE,
  version: 1,
});
/** Extra sites (origins) the user allowed Lauscher on, beyond the built-in social networks. */
export const customSitesItem = storage.defineItem<string[]>('local:customSites', {
  fallback: [],
  version: 2,
  migrations: { 2: migrateCustomSitesV2 },
});
/** Per site: log / observe only / off (utils/privacy/site-modes.ts); unlisted sites log. */
export const siteModesItem = storage.defineItem<SiteModes>('local:siteModes', { fallback: {}, version: 1 });

/** The part of the profile the matcher needs (also the shape of the team-profile file). */
export function matcherConfigOf(profile: Profile): MatcherConfig {
  return {
    municipality: {
      name: profile.municipality.name,
      aliases: profile.municipality.aliases,
      caseSensitive: profile.municipality.caseSensitive,
      contextual: profile.municipality.contextual,
    },
    topics: profile.topics.map((t) => ({
      id: t.id,
      terms: t.terms,
      exclude: t.exclude,
      caseSensitive: t.caseSensitive,
    })),
  };
}
