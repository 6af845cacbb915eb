// Options → Team: the municipality's own CouchDB server, the colleague's display name, "Verbindung prüfen" and a
// status line. Credentials stay in extension storage on this machine.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStorageItem } from '../../components/use-storage-item';
import { absoluteTime } from '../../utils/digest/relative';
import { t, uiLang } from '../../utils/i18n';
import { checkConnection, checkServerUrl, type TeamErrorKey } from '../../utils/sync/check';
import { type TeamSettings, teamSettingsItem, teamStatusItem } from '../../utils/sync/settings';

type MessageKey = Parameters<typeof t>[0];

/** Host permission for the server, asked for at the click (optional_host_permissions covers every origin). */
async function allowServer(url: string): Promise<TeamErrorKey | undefined> {
  const checked = checkServerUrl(url);
  if (!checked.ok) return checked.errorKey;
  const origins = [`${checked.origin}/*`];
  try {
    // request() first, with no await before it: Chrome only shows the prompt within the click's user gesture; for
    // an origin already granted it resolves true without asking.
    return (await browser.permissions.request({ origins })) ? undefined : 'teamErrNoPermission';
  } catch {
    return 'teamErrNoPermission';
  }
}

export function TeamSection() {
  const saved = useStorageItem(teamSettingsItem);
  const status = useStorageItem(teamStatusItem);
  const [form, setForm] = useState<TeamSettings | undefined>(undefined);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (saved && !form) setForm(saved);
  }, [saved, form]);
  if (!form || !status) return null;
  const set = (next: Partial<TeamSettings>) => setForm({ ...form, ...next });

  const check = async () => {
    setBusy(true);
    setResult(null);
    const denied = await allowServer(form.url);
    const res = denied
      ? { ok: false as const, errorKey: denied }
      : await checkConnection(form.url, form.user, form.password);
    setResult(res.ok ? { ok: true, text: t('teamCheckOk') } : { ok: false, text: t(res.errorKey as MessageKey) });
    setBusy(false);
    return res.ok;
  };
  const connect = async () => {
    if (!form.displayName.trim()) return setResult({ ok: false, text: t('teamErrNoName') });
    if (!(await check())) return;
    await teamSettingsItem.setValue({
      ...form,
      enabled: true,
      url: form.url.trim(),
      displayName: form.displayName.trim(),
    });
  };
  const disconnect = async () => {
    setForm({ ...form, enabled: false });
    await teamSettingsItem.setValue({ ...form, enabled: false });
  };

  const stateText = t(`teamState_${status.state}` as MessageKey);
  return (
    <section class="panel" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('teamSection')}</h2>
      <p class="hint">{t('teamIntro')}</p>
      <p class="hint" data-testid="team-retention-hint">
        {t('teamRetentionHint')}
      </p>
      <label>
        {t('teamDisplayName')}
        <input
          data-testid="team-name"
          value={form.displayName}
          autoComplete="name"
          onInput={(e) => set({ displayName: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('teamUrl')}
        <input
          data-testid="team-url"
          type="url"
          placeholder="https://couchdb.kommune.de/lauscher-team"
          value={form.url}
          onInput={(e) => set({ url: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('teamUser')}
        <input
          data-testid="team-user"
          autoComplete="username"
          value={form.user}
          onInput={(e) => set({ user: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('teamPassword')}
        <input
          data-testid="team-password"
          type="password"
          autoComplete="current-password"
          value={form.password}
          onInput={(e) => set({ password: e.currentTarget.value })}
        />
      </label>
      <p class="hint">{t('teamPasswordHint')}</p>
      <div class="row">
        <button type="button" data-testid="team-check" disabled={busy} onClick={check}>
          {t('teamCheck')}
        </button>
        <button type="button" data-testid="team-connect" disabled={busy} onClick={connect}>
          {t('teamConnect')}
        </button>
        {saved?.enabled && (
          <button type="button" data-testid="team-disconnect" onClick={disconnect}>
            {t('teamDisconnect')}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="team-check-result" class={result?.ok === false ? 'error' : ''}>
        {result?.text ?? ''}
      </p>
      <p data-testid="team-status" data-state={status.state} aria-live="polite">
        {t('teamStatusLabel')}: {stateText}
        {status.lastSync ? ` · ${t('teamLastSync', absoluteTime(status.lastSync, uiLang()))}` : ''}
        {` · ${t('teamPending', String(status.pending))}`}
        {status.errorKey ? (
          <span class="error" data-testid="team-status-error">
            {' '}
            · {t(status.errorKey as MessageKey)}
          </span>
        ) : null}
      </p>
    </section>
  );
}
