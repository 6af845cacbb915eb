import { useState } from 'preact/hooks';
import { useStorageItem } from '../../components/use-storage-item';
import { getDb } from '../../utils/db';
import { t } from '../../utils/i18n';
import { clampRetentionDays, deleteAll, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../utils/mentions';
import type { AuthorMode } from '../../utils/model';
import { privacyItem } from '../../utils/settings';

const MODES: Array<{ mode: AuthorMode; label: () => string }> = [
  { mode: 'pseudonym', label: () => t('authorModePseudonym') },
  { mode: 'plain', label: () => t('authorModePlain') },
  { mode: 'none', label: () => t('authorModeNone') },
];

export function PrivacySection() {
  const privacy = useStorageItem(privacyItem);
  const [message, setMessage] = useState('');
  if (!privacy) return null;

  async function eraseAll() {
    if (!window.confirm(t('deleteAllConfirm'))) return;
    await deleteAll(getDb());
    setMessage(t('deleted'));
  }

  return (
    <section class="panel" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('sectionPrivacy')}</h2>
      <fieldset>
        <legend>{t('authorModeLabel')}</legend>
        {MODES.map(({ mode, label }) => (
          <label class="inline" key={mode} style={{ display: 'flex' }}>
            <input
              type="radio"
              name="author-mode"
              value={mode}
              checked={privacy.authorMode === mode}
              onChange={() => privacyItem.setValue({ ...privacy, authorMode: mode })}
            />
            {label()}
          </label>
        ))}
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
        <span role="status" aria-live="polite">
          {message}
        </span>
      </div>
    </section>
  );
}
