// Typed settings with fallbacks: with nothing configured, Lauscher works for the demo town "Musterstadt".
import { storage } from 'wxt/utils/storage';
import type { MatcherConfig } from './matcher';
import type { AuthorMode } from './model';

/** Highlight colours are a fixed set of slots: the page gets one stylesheet at start, never a new rule later. */
export const COLOR_SLOTS = ['amber', 'blue', 'green', 'pink', 'violet', 'teal', 'red', 'grey'] as const;
export type ColorSlot = (typeof COLOR_SLOTS)[number];

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

export interface ReplyTemplate {
  id: string;
  title: string;
  body: string;
  /** Suggested for mentions of these topics; empty = for every mention. */
  topicIds: string[];
}

export interface Municipality {
  name: string;
  aliases: string[];
  caseSensitive: boolean;
}

/** What a team shares by file: keywords and reply templates. */
export interface Profile {
  municipality: Municipality;
  topics: Topic[];
  templates: ReplyTemplate[];
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
  templates: [
    {
      id: 'danke',
      title: 'Danke für den Hinweis',
      body: 'Hallo {{autor}}, vielen Dank für Ihren Hinweis! Wir haben ihn an die zuständige Stelle der Stadtverwaltung {{kommune}} weitergegeben und melden uns, sobald wir mehr wissen. Ihr Social-Media-Team',
      topicIds: [],
    },
    {
      id: 'baustelle',
      title: 'Baustelle: Infos und Umleitung',
      body: 'Hallo {{autor}}, danke für Ihre Nachfrage. Alle aktuellen Baustellen und Umleitungen in {{kommune}} finden Sie auf unserer Website. Bei Fragen erreichen Sie uns {{sprechzeiten}}.',
      topicIds: ['bau'],
    },
    {
      id: 'unwetter',
      title: 'Unwetter: offizielle Warnungen',
      body: 'Bitte verlassen Sie sich nur auf offizielle Warnungen, etwa aus der Warn-App NINA. Im Notfall wählen Sie die 112. Wir halten Sie hier zur Lage in {{kommune}} auf dem Laufenden.',
      topicIds: ['unwetter'],
    },
    {
      id: 'geruecht',
      title: 'Gerücht richtigstellen',
      body: 'Hallo {{autor}}, diese Information ist nicht korrekt. Die gesicherten Fakten dazu veröffentlicht die Verwaltung von {{kommune}} auf ihren offiziellen Kanälen. Bitte teilen Sie nur geprüfte Informationen.',
      topicIds: ['fakenews'],
    },
  ],
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

export const profileItem = storage.defineItem<Profile>('local:profile', { fallback: DEMO_PROFILE, version: 1 });
export const officeHoursItem = storage.defineItem<OfficeHours>('local:officeHours', {
  fallback: DEFAULT_OFFICE_HOURS,
  version: 1,
});
export const responsePromiseItem = storage.defineItem<ResponsePromise>('local:responsePromise', {
  fallback: DEFAULT_RESPONSE_PROMISE,
  version: 1,
});
export const surgeRuleItem = storage.defineItem<SurgeRule>('local:surgeRule', {
  fallback: DEFAULT_SURGE_RULE,
  version: 1,
});
export const privacyItem = storage.defineItem<Privacy>('local:privacy', { fallback: DEFAULT_PRIVACY, version: 1 });
/** Extra sites (origins) the user allowed Lauscher on, beyond the built-in social networks. */
export const customSitesItem = storage.defineItem<string[]>('local:customSites', { fallback: [], version: 1 });

/** The part of the profile the matcher needs (also the shape of the team-profile file). */
export function matcherConfigOf(profile: Profile): MatcherConfig {
  return {
    municipality: {
      name: profile.municipality.name,
      aliases: profile.municipality.aliases,
      caseSensitive: profile.municipality.caseSensitive,
    },
    topics: profile.topics.map((t) => ({
      id: t.id,
      terms: t.terms,
      exclude: t.exclude,
      caseSensitive: t.caseSensitive,
    })),
  };
}
