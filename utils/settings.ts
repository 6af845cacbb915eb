// Typed settings with fallbacks: with nothing configured, Lauscher works for the demo town "Musterstadt".
import { storage } from 'wxt/utils/storage';
import { COLOR_SLOTS, type ColorSlot } from './labels';
import type { MatcherConfig } from './matcher';
import type { AuthorMode } from './model';
import { migrateCustomSitesV2, migrateOfficeHoursV2, migratePrivacyV2, migrateProfileV2 } from './settings-migrations';

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
/** Extra sites (origins) the user allowed Lauscher on, beyond the built-in social networks. */
export const customSitesItem = storage.defineItem<string[]>('local:customSites', {
  fallback: [],
  version: 2,
  migrations: { 2: migrateCustomSitesV2 },
});

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
