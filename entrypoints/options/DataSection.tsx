import { useRef, useState } from 'preact/hooks';
import { downloadText } from '../../components/download';
import { useStorageItem } from '../../components/use-storage-item';
import { getDb } from '../../utils/db';
import { csvFileName, mentionsToCsv } from '../../utils/export/csv';
import {
  type ImportResult,
  importMentionsFile,
  jsonFileName,
  MAX_PROBLEMS,
  mentionsToJson,
} from '../../utils/export/json';
import { LOG_MAX_BYTES, PROFILE_MAX_BYTES } from '../../utils/export/limits';
import { formatProblem, type Problem } from '../../utils/export/problems';
import { diffSummary, profileDiff, profileFileName, profileFromBytes, profileToJson } from '../../utils/export/profile';
import { t, tr } from '../../utils/i18n';
import { platformLabel, statusLabel } from '../../utils/labels';
import { listMentions } from '../../utils/mentions';
import { type AuthorMode, MENTION_STATUSES, type MentionStatus, PLATFORMS, type Platform } from '../../utils/model';
import { authorModeOf, authorsForExport, teamPrivacy } from '../../utils/privacy/team-privacy';
import { DEFAULT_PRIVACY, DEMO_PROFILE, type Profile, privacyItem, profileItem } from '../../utils/settings';

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

const problemLines = (problems: readonly Problem[]) => problems.map((p) => `• ${formatProblem(tr, p)}`);

function logImportText(r: ImportResult): string {
  if (!r.ok) return [t('dataLogRejected'), ...problemLines(r.problems)].join('\n');
  const lines = [t('dataImportSummary', [String(r.added), String(r.merged), String(r.errors)])];
  if (r.problems.length) lines.push(t('dataImportSkipped'), ...problemLines(r.problems));
  if (r.errors > MAX_PROBLEMS) lines.push(t('dataMoreProblems', String(r.errors - MAX_PROBLEMS)));
  return lines.join('\n');
}

/** Export, the team's log exchange and the team profile. Imports are checked in full before anything is written. */
export function DataSection() {
  const profile = useStorageItem(profileItem) ?? DEMO_PROFILE;
  const privacy = useStorageItem(privacyItem) ?? DEFAULT_PRIVACY;
  const authorMode = authorModeOf(profile, privacy);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [topicId, setTopicId] = useState('');
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [status, setStatus] = useState<MentionStatus | ''>('');
  const [message, setMessageState] = useState<{ ok: boolean; text: string; seq: number } | null>(null);
  /** Each message gets the next number (`data-seq`), so a test or a screen reader knows a new one arrived. */
  const seq = useRef(0);
  const setMessage = (m: { ok: boolean; text: string } | null) => {
    seq.current += 1;
    setMessageState(m && { ...m, seq: seq.current });
  };
  /** A checked profile waiting for "Übernehmen". */
  const [pending, setPending] = useState<{ profile: Profile; summary: string } | null>(null);

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

  async function importMentions(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setMessage({ ok: true, text: t('dataReading') });
    const result = await importMentionsFile(getDb(), file, LOG_MAX_BYTES, await teamPrivacy());
    input.value = '';
    setMessage({ ok: result.ok && result.errors === 0, text: logImportText(result) });
  }

  async function importProfile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setPending(null);
    setMessage({ ok: true, text: t('dataReading') });
    // The size is known before reading: a 17 MB file is refused without being read.
    const result =
      file.size > PROFILE_MAX_BYTES
        ? profileFromBytes(new Uint8Array(PROFILE_MAX_BYTES + 1), PROFILE_MAX_BYTES)
        : profileFromBytes(new Uint8Array(await file.arrayBuffer()), PROFILE_MAX_BYTES);
    input.value = '';
    if (!result.ok) {
      setMessage({ ok: false, text: [t('dataProfileRejected'), ...problemLines(result.problems)].join('\n') });
      return;
    }
    const current = await profileItem.getValue();
    // A file from before the team key (or without an author mode) keeps this browser's: pseudonyms stay as they are.
    const next: Profile = { ...result.profile };
    if (!next.pseudonymKey && current.pseudonymKey) next.pseudonymKey = current.pseudonymKey;
    if (!next.authorMode && current.authorMode) next.authorMode = current.authorMode;
    setMessage(null);
    setPending({ profile: next, summary: diffSummary(tr, profileDiff(current, next)) });
  }

  async function applyProfile() {
    if (!pending) return;
    // One storage write: the whole profile or nothing.
    await profileItem.setValue(pending.profile);
    setMessage({ ok: true, text: t('dataProfileApplied', pending.summary) });
    setPending(null);
  }

  const topicNames = Object.fromEntries(profile.topics.map((x) => [x.id, x.label]));

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
                {platformLabel(tr, p)}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          {t('dataCsvStatus')}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as MentionStatus | '')}>
            <option value="">–</option>
            {MENTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(tr, s)}
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
            downloadText(
              mentionsToCsv(await rowsForExport(), { t: tr, topicNames, municipality: profile.municipality.name }),
              csvFileName(),
              'text/csv;charset=utf-8',
            )
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
        aria-describedby="import-mentions-limits"
        onChange={(e) => importMentions(e.currentTarget)}
      />
      <p class="hint" id="import-mentions-limits">
        {t('dataLimitsLog')}
      </p>
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
        aria-describedby="import-profile-limits"
        onChange={(e) => importProfile(e.currentTarget)}
      />
      <p class="hint" id="import-profile-limits">
        {t('dataLimitsProfile')}
      </p>
      {pending && (
        <fieldset class="notice" data-testid="profile-diff">
          <legend>
            <strong>{t('dataProfileDiffTitle', pending.profile.municipality.name)}</strong>
          </legend>
          <p data-testid="profile-diff-summary">{pending.summary}</p>
          <p class="hint">{t('dataProfileReplaceHint')}</p>
          <div class="actions">
            <button type="button" class="primary" data-testid="profile-import-apply" onClick={applyProfile}>
              {t('dataProfileApply')}
            </button>
            <button
              type="button"
              data-testid="profile-import-discard"
              onClick={() => {
                setPending(null);
                setMessage({ ok: true, text: t('dataProfileDiscarded') });
              }}
            >
              {t('dataProfileDiscard')}
            </button>
          </div>
        </fieldset>
      )}
      {message && (
        <p
          role="status"
          aria-live="polite"
          data-testid="data-status"
          data-seq={message.seq}
          class={message.ok ? 'notice' : 'notice warn'}
          style={{ whiteSpace: 'pre-line' }}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
