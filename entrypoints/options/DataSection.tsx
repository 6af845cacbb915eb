import { useState } from 'preact/hooks';
import { downloadText } from '../../components/download';
import { useStorageItem } from '../../components/use-storage-item';
import { getDb } from '../../utils/db';
import { csvFileName, mentionsToCsv, PLATFORM_LABELS, STATUS_LABELS } from '../../utils/export/csv';
import { importMentionsJson, jsonFileName, mentionsToJson } from '../../utils/export/json';
import { profileFileName, profileFromJson, profileToJson } from '../../utils/export/profile';
import { t } from '../../utils/i18n';
import { listMentions } from '../../utils/mentions';
import { type AuthorMode, MENTION_STATUSES, type MentionStatus, PLATFORMS, type Platform } from '../../utils/model';
import { authorModeOf, authorsForExport, teamPrivacy } from '../../utils/privacy/team-privacy';
import { DEFAULT_PRIVACY, DEMO_PROFILE, privacyItem, profileItem } from '../../utils/settings';
import { importFailureText } from '../../utils/validation-messages';

function dayStart(value: string): number | undefined {
  return value ? new Date(`${value}T00:00:00`).getTime() : undefined;
}
function dayEnd(value: string): number | undefined {
  return value ? new Date(`${value}T23:59:59.999`).getTime() : undefined;
}

const EXPORT_HINTS: Record<AuthorMode, () => string> = {
  pseudonym: () => t('privacyExportHintPseudonym'),
  plain: () => t('privacyExportHintPlain'),
  none: () => t('privacyExportHintNone'),
};

export function DataSection() {
  const profile = useStorageItem(profileItem) ?? DEMO_PROFILE;
  const privacy = useStorageItem(privacyItem) ?? DEFAULT_PRIVACY;
  const authorMode = authorModeOf(profile, privacy);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [topicId, setTopicId] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [status, setStatus] = useState<MentionStatus | ''>('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const filter = () => ({
    from: dayStart(from),
    to: dayEnd(to),
    topicIds: topicId ? [topicId] : undefined,
    platforms: platform ? [platform] : undefined,
    statuses: status ? [status] : undefined,
  });

  /** The filtered log, oldest first, with authors as the team's mode allows them to leave this browser. */
  async function rowsForExport() {
    return authorsForExport(await listMentions(getDb(), { ...filter(), order: 'oldest' }), await teamPrivacy());
  }

  async function importMentions(file: File | undefined) {
    if (!file) return;
    const result = await importMentionsJson(getDb(), await file.text(), await teamPrivacy());
    setMessage({ ok: result.ok, text: [result.summary, ...result.messages].join('\n') });
  }

  async function importProfile(file: File | undefined) {
    if (!file) return;
    const result = profileFromJson(await file.text());
    if (!result.ok) return setMessage({ ok: false, text: importFailureText(result) });
    // A file from before the team key (or without an author mode) keeps this browser's: pseudonyms stay as they are.
    const { pseudonymKey, authorMode } = await profileItem.getValue();
    await profileItem.setValue({ pseudonymKey, authorMode, ...result.profile });
    setMessage({ ok: true, text: `${t('saved')}: ${result.profile.municipality.name}` });
  }

  return (
    <section class="panel" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('sectionExport')}</h2>
      <div class="row">
        <label class="inline">
          {t('officeHoursFrom')}
          <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="inline">
          {t('officeHoursTo')}
          <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label class="inline">
          {t('topicLabel')}
          <select value={topicId} onChange={(e) => setTopicId(e.currentTarget.value)}>
            <option value="">–</option>
            <option value="municipality">{profile.municipality.name}</option>
            {profile.topics.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          {t('digestByPlatform')}
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform | '')}>
            <option value="">–</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          Status
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as MentionStatus | '')}>
            <option value="">–</option>
            {MENTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="hint" data-testid="export-authors-hint">
        {EXPORT_HINTS[authorMode]()}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="export-csv"
          onClick={async () =>
            downloadText(mentionsToCsv(await rowsForExport()), csvFileName(), 'text/csv;charset=utf-8')
          }
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          data-testid="export-json"
          onClick={async () => downloadText(mentionsToJson(await rowsForExport()), jsonFileName(), 'application/json')}
        >
          {t('exportJson')}
        </button>
      </div>
      <label for="import-mentions">{t('importJson')}</label>
      <input
        id="import-mentions"
        type="file"
        accept=".json,application/json"
        data-testid="import-mentions"
        onChange={(e) => importMentions(e.currentTarget.files?.[0])}
      />
      <div class="actions">
        <button
          type="button"
          data-testid="export-profile"
          onClick={() =>
            downloadText(profileToJson(profile), profileFileName(profile.municipality.name), 'application/json')
          }
        >
          {t('exportProfile')}
        </button>
      </div>
      <label for="import-profile">{t('importProfile')}</label>
      <input
        id="import-profile"
        type="file"
        accept=".json,application/json"
        data-testid="import-profile"
        onChange={(e) => importProfile(e.currentTarget.files?.[0])}
      />
      {message && (
        <p
          role="status"
          aria-live="polite"
          data-testid="data-status"
          class={message.ok ? 'notice' : 'notice warn'}
          style={{ whiteSpace: 'pre-line' }}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
