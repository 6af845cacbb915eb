// The paperwork a data-protection officer asks for, generated from the current settings: a record of processing
// (VVT, Art. 30(1)(a–g) DSGVO), a DSFA worksheet (Art. 35(7)) and the public information under Art. 14. Pure: the
// texts come from _locales through `msg`, every value from `RecordsInput`; what Lauscher cannot know stays a
// bracketed gap for the user to fill in, so the papers never claim a setting nobody made.
import type { AuthorMode } from '../model';
import type { OfficeHours } from '../settings';
import type { SiteMode } from './site-modes';

/** A UI string by key with positional values (browser.i18n.getMessage in the extension). */
export type Msg = (key: string, substitutions?: string[]) => string;

export interface RecordsInput {
  lang: 'de' | 'en';
  /** The municipality's name; absent while it is still the demo town nobody chose. */
  municipality?: string;
  topics: string[];
  authorMode: AuthorMode;
  retentionDays: number;
  /** Every site Lauscher runs on (built-in and user-added), with its mode. */
  sites: ReadonlyArray<{ label: string; mode: SiteMode }>;
  officeHours: OfficeHours;
  /** The host of the team's own CouchDB when team sync is on (issue 17): then the log is shared through it. */
  teamServer?: string;
}

export interface PaperSection {
  heading?: string;
  paragraphs: string[];
}

export interface Paper {
  id: 'vvt' | 'dsfa' | 'art14';
  title: string;
  sections: PaperSection[];
}

const BY_MODE = <T>(mode: AuthorMode, values: Record<AuthorMode, T>): T => values[mode];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function list(lang: 'de' | 'en', items: readonly string[]): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/** "Montag bis Freitag" style day list: the chosen weekdays, Monday first. */
function weekdays(lang: 'de' | 'en', days: readonly number[]): string {
  const fmt = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday; day d (0 = Sunday) is 2023-12-31 + d.
  const name = (d: number) => fmt.format(new Date(Date.UTC(2023, 11, 31 + d)));
  const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => days.includes(d));
  return list(lang, order.map(name));
}

function sitesBy(input: RecordsInput, mode: SiteMode): string[] {
  return input.sites.filter((s) => s.mode === mode).map((s) => s.label);
}

export function buildPapers(input: RecordsInput, msg: Msg): Paper[] {
  const town = input.municipality?.trim() || msg('privacyUnsetMunicipality');
  const days = String(input.retentionDays);
  const logged = sitesBy(input, 'log');
  const observed = sitesBy(input, 'observe');
  const off = sitesBy(input, 'off');
  const read = [...logged, ...observed];

  const siteLines = [
    logged.length ? msg('privacySitesLog', [list(input.lang, logged)]) : msg('privacySitesNoLog'),
    ...(observed.length ? [msg('privacySitesObserve', [list(input.lang, observed)])] : []),
    ...(off.length ? [msg('privacySitesOff', [list(input.lang, off)])] : []),
  ];
  const topics = input.topics.length ? msg('privacyTopics', [list(input.lang, input.topics)]) : msg('privacyNoTopics');
  const authorData = BY_MODE(input.authorMode, {
    pseudonym: msg('privacyDataPseudonym'),
    plain: msg('privacyDataPlain'),
    none: msg('privacyDataNone'),
  });
  const data = [authorData, msg('privacyDataCommon'), msg('privacyDataSpecial')];
  const hours = input.officeHours;
  const office =
    hours.enabled && hours.days.length
      ? msg('privacyOfficeOn', [cap(weekdays(input.lang, hours.days)), hours.start, hours.end])
      : msg('privacyOfficeOff');

  const vvt: Paper = {
    id: 'vvt',
    title: msg('privacyVvtTitle'),
    sections: [
      { heading: msg('privacyVvtName'), paragraphs: [msg('privacyVvtNameText', [town])] },
      { heading: msg('privacyVvtA'), paragraphs: [msg('privacyVvtAText', [town])] },
      {
        heading: msg('privacyVvtB'),
        paragraphs: [msg('privacyPurpose', [town]), topics, ...siteLines, msg('privacyLegalBasis')],
      },
      { heading: msg('privacyVvtC'), paragraphs: [msg('privacyPersons'), ...data] },
      {
        heading: msg('privacyVvtD'),
        paragraphs: [input.teamServer ? msg('privacyVvtDTeam', [input.teamServer]) : msg('privacyVvtDText')],
      },
      { heading: msg('privacyVvtE'), paragraphs: [msg('privacyVvtEText')] },
      { heading: msg('privacyVvtF'), paragraphs: [msg('privacyRetention', [days])] },
      {
        heading: msg('privacyVvtG'),
        paragraphs: [
          msg('privacyTomLocal'),
          msg('privacyTomPrivate'),
          BY_MODE(input.authorMode, {
            pseudonym: msg('privacyTomPseudonym'),
            plain: msg('privacyTomPlain'),
            none: msg('privacyTomNone'),
          }),
          msg('privacyTomMinimal'),
          msg('privacyTomRetention', [days]),
          msg('privacyTomAccess'),
        ],
      },
    ],
  };

  const dsfa: Paper = {
    id: 'dsfa',
    title: msg('privacyDsfaTitle'),
    sections: [
      { paragraphs: [msg('privacyDsfaIntro')] },
      {
        heading: msg('privacyDsfaA'),
        paragraphs: [msg('privacyDsfaHow', [town]), msg('privacyPurpose', [town]), topics, ...siteLines, office],
      },
      {
        heading: msg('privacyDsfaB'),
        paragraphs: [
          msg('privacyNeedPublic'),
          authorData,
          msg('privacyNeedRetention', [days]),
          msg('privacyNeedPrivate'),
          msg('privacyNeedMilder'),
        ],
      },
      {
        heading: msg('privacyDsfaC'),
        paragraphs: [
          msg('privacyRiskProfile'),
          BY_MODE(input.authorMode, {
            pseudonym: msg('privacyRiskProfilePseudonym', [days]),
            plain: msg('privacyRiskProfilePlain', [days]),
            none: msg('privacyRiskProfileNone', [days]),
          }),
          msg('privacyRiskAccess'),
          msg('privacyRiskAccessM'),
          msg('privacyRiskPrivate'),
          msg('privacyRiskPrivateM'),
          msg('privacyRiskShare'),
          BY_MODE(input.authorMode, {
            pseudonym: msg('privacyRiskSharePseudonym'),
            plain: msg('privacyRiskSharePlain'),
            none: msg('privacyRiskShareNone'),
          }),
          msg('privacyRiskMisuse'),
          msg('privacyRiskMisuseM'),
        ],
      },
      { heading: msg('privacyDsfaD'), paragraphs: [msg('privacyDsfaDText')] },
    ],
  };

  const rights = [msg('privacyArt14RightsText')];
  if (input.authorMode === 'pseudonym') rights.push(msg('privacyArt14RightsPseudonym'));
  if (input.authorMode === 'none') rights.push(msg('privacyArt14RightsNone'));
  const art14: Paper = {
    id: 'art14',
    title: msg('privacyArt14Title'),
    sections: [
      { paragraphs: [msg('privacyArt14Intro', [town])] },
      { heading: msg('privacyArt14Controller'), paragraphs: [msg('privacyArt14ControllerText', [town])] },
      {
        heading: msg('privacyArt14Purpose'),
        paragraphs: [msg('privacyArt14PurposeText'), msg('privacyLegalBasis')],
      },
      {
        heading: msg('privacyArt14Data'),
        paragraphs: logged.length ? [authorData, msg('privacyDataCommon')] : [msg('privacyArt14NoLog')],
      },
      {
        heading: msg('privacyArt14Source'),
        paragraphs: [
          msg('privacyArt14SourceText', [read.length ? list(input.lang, read) : msg('privacyNoSites')]),
          ...(observed.length ? [msg('privacySitesObserve', [list(input.lang, observed)])] : []),
        ],
      },
      {
        heading: msg('privacyArt14Recipients'),
        paragraphs: [input.teamServer ? msg('privacyArt14RecipientsTeam') : msg('privacyArt14RecipientsText')],
      },
      ...(logged.length
        ? [{ heading: msg('privacyArt14Retention'), paragraphs: [msg('privacyArt14RetentionText', [days])] }]
        : []),
      { heading: msg('privacyArt14Rights'), paragraphs: rights },
    ],
  };

  return [vvt, dsfa, art14];
}

/** Plain text for the download: titles underlined, one blank line between paragraphs, CRLF for Windows editors. */
export function papersToText(papers: readonly Paper[]): string {
  const out: string[] = [];
  for (const paper of papers) {
    out.push(paper.title, '='.repeat(paper.title.length), '');
    for (const section of paper.sections) {
      if (section.heading) out.push(section.heading, '-'.repeat(section.heading.length), '');
      for (const p of section.paragraphs) out.push(p, '');
    }
    out.push('');
  }
  return `${out.join('\r\n').trimEnd()}\r\n`;
}
