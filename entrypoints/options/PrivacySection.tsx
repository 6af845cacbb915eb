import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '../../components/use-storage-item';
import { t } from '../../utils/i18n';
import { clampRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../utils/mentions';
import { sendMessage } from '../../utils/messaging';
import type { AuthorMode } from '../../utils/model';
import { authorModeOf, rotatePseudonymKey } from '../../utils/privacy/team-privacy';
import { privacyItem, profileItem } from '../../utils/settings';
import { teamSettingsItem } from '../../utils/sync/settings';
import { PrivacyPapers } from './PrivacyPapers';

const MODES: Array<{ mode: AuthorMode; label: () => string; hint: () => string }> = [
  { mode: 'pseudonym', label: () => t('authorModePseudonym'), hint: () => t('privacyModeHintPseudonym') },
  { mode: 'plain', label: () => t('authorModePlain'), hint: () => t('privacyModeHintPlain') },
  { mode: 'none', label: () => t('authorModeNone'), hint: () => t('privacyModeHintNone') },
];

/** A short, non-secret fingerprint of the team key, so colleagues can check they share one. */
async function fingerprint(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`lauscher:${key}`)));
  const hex = Array.from(digest.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 4)}-${hex.slice(4)}`.toUpperCase();
}

export function PrivacySection() {
  const privacy = useStorageItem(privacyItem);
  const profile = useStorageItem(profileItem);
  const [message, setMessage] = useState('');
  const [keyId, setKeyId] = useState('');
  const key = profile?.pseudonymKey;
  useEffect(() => {
    if (key) void fingerprint(key).then(setKeyId);
  }, [key]);
  if (!privacy || !profile) return null;
  const authorMode = authorModeOf(profile, privacy);

  async function eraseAll() {
    // With team sync on, only this browser's copy goes, and sync is switched off (utils/background/team-sync.ts).
    const team = await teamSettingsItem.getValue();
    if (!window.confirm(t(team.enabled ? 'teamEraseConfirm' : 'deleteAllConfirm'))) return;
    const { teamSyncOff } = await sendMessage('uiEraseLog', undefined);
    setMessage(t(teamSyncOff ? 'teamErased' : 'deleted'));
  }

  async function setAuthorMode(mode: AuthorMode) {
    // A team setting: it lives in the profile and travels with the profile file.
    await profileItem.setValue({ ...(await profileItem.getValue()), authorMode: mode });
  }

  async function rotate() {
    if (!window.confirm(t('privacyKeyRotateConfirm'))) return;
    await rotatePseudonymKey();
    setMessage(t('privacyKeyRotated'));
  }

  return (
    <section class="panel" aria-labelledby="privacy-heading" id="privacy">
      <h2 id="privacy-heading">{t('sectionPrivacy')}</h2>
      <div class="no-print">
        <fieldset>
          <legend>{t('authorModeLabel')}</legend>
          {MODES.map(({ mode, label, hint }) => (
            <div key={mode}>
              <label class="inline" style={{ display: 'flex' }}>
                <input
                  type="radio"
                  name="author-mode"
                  value={mode}
                  checked={authorMode === mode}
                  aria-describedby={`author-mode-${mode}-hint`}
                  onChange={() => setAuthorMode(mode)}
                />
                {label()}
              </label>
              <p class="hint" id={`author-mode-${mode}-hint`} style={{ margin: '0 0 0.4rem 1.6rem' }}>
                {hint()}
              </p>
            </div>
          ))}
          <p class="hint">{t('privacyModeTeam')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('privacyKeyLegend')}</legend>
          <p class="hint">{t('privacyKeyHint')}</p>
          {keyId && (
            <p class="hint" data-testid="key-fingerprint">
              {t('privacyKeyFingerprint', keyId)}
            </p>
          )}
          <button type="button" data-testid="rotate-key" onClick={rotate}>
            {t('privacyKeyRotate')}
          </button>
        </fieldset>
        <label for="retention">{t('retentionLabel')}</label>
        <input
          id="retention"
          type="number"
          data-testid="retention-days"
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          value={privacy.retentionDays}
          style={{ maxWidth: '8rem' }}
          onChange={(e) =>
            privacyItem.setValue({ ...privacy, retentionDays: clampRetentionDays(Number(e.currentTarget.value)) })
          }
        />
        <p class="hint">{t('privacyNote')}</p>
        <div class="actions">
          <button type="button" class="danger" data-testid="delete-all" onClick={eraseAll}>
            {t('deleteAll')}
          </button>
          <span role="status" aria-live="polite" data-testid="privacy-status">
            {message}
          </span>
        </div>
      </div>
      <PrivacyPapers />
    </section>
  );
}
