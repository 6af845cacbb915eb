// Options → Datenschutz: the VVT entry, DSFA worksheet and Art. 14 text, generated from the current settings,
// printable (options.css print rules show only this part) and downloadable as a text file.
import { downloadText } from '../../components/download';
import { useStorageItem } from '../../components/use-storage-item';
import { t, tr, uiLang } from '../../utils/i18n';
import { platformLabel } from '../../utils/labels';
import { buildPapers, type Msg, papersToText, type RecordsInput } from '../../utils/privacy/records';
import { BUILT_IN_SITES, hostOfPattern, siteModeOf } from '../../utils/privacy/site-modes';
import { authorModeOf } from '../../utils/privacy/team-privacy';
import {
  customSitesItem,
  DEMO_PROFILE,
  officeHoursItem,
  privacyItem,
  profileItem,
  siteModesItem,
} from '../../utils/settings';
import { teamSettingsItem } from '../../utils/sync/settings';

const msg: Msg = (key, subs) => t(key as Parameters<typeof t>[0], subs);

/** The team server's host for the papers (the database path and any credentials left out). */
function serverHost(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

export function PrivacyPapers() {
  const profile = useStorageItem(profileItem);
  const privacy = useStorageItem(privacyItem);
  const hours = useStorageItem(officeHoursItem);
  const custom = useStorageItem(customSitesItem);
  const modes = useStorageItem(siteModesItem);
  const team = useStorageItem(teamSettingsItem);
  if (!profile || !privacy || !hours || !custom || !modes || !team) return null;

  const lang = uiLang();
  const input: RecordsInput = {
    lang,
    // The demo town is nobody's choice: the papers leave a gap instead of naming it.
    municipality: profile.municipality.name === DEMO_PROFILE.municipality.name ? undefined : profile.municipality.name,
    topics: profile.topics.map((x) => x.label),
    authorMode: authorModeOf(profile, privacy),
    retentionDays: privacy.retentionDays,
    sites: [
      ...BUILT_IN_SITES.map((p) => ({ label: platformLabel(tr, p), mode: modes[p] ?? 'log' })),
      ...custom.map((pattern) => ({
        label: hostOfPattern(pattern),
        mode: siteModeOf(new URL(`https://${hostOfPattern(pattern)}/`), modes),
      })),
    ],
    officeHours: hours,
    teamServer: team.enabled ? serverHost(team.url) : undefined,
  };
  const papers = buildPapers(input, msg);

  return (
    <div class="papers" id="privacy-papers" data-testid="privacy-papers">
      <h3>{t('privacyPapersHeading')}</h3>
      <p class="hint no-print">{t('privacyPapersHint')}</p>
      <div class="actions no-print">
        <button type="button" data-testid="papers-print" onClick={() => window.print()}>
          {t('privacyPrint')}
        </button>
        <button
          type="button"
          data-testid="papers-download"
          onClick={() =>
            downloadText(
              papersToText(papers),
              `${t('privacyFileName')}-${new Date().toISOString().slice(0, 10)}.txt`,
              'text/plain;charset=utf-8',
            )
          }
        >
          {t('privacyDownload')}
        </button>
      </div>
      {papers.map((paper) => (
        <article class="paper" key={paper.id} data-testid={`paper-${paper.id}`} aria-labelledby={`paper-${paper.id}`}>
          <h4 id={`paper-${paper.id}`}>{paper.title}</h4>
          {paper.sections.map((section, i) => (
            <section key={section.heading ?? i}>
              {section.heading && <h5>{section.heading}</h5>}
              {section.paragraphs.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </section>
          ))}
        </article>
      ))}
    </div>
  );
}
