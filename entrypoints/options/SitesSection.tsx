import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStorageItem } from '../../components/use-storage-item';
import { t, tr } from '../../utils/i18n';
import { platformLabel } from '../../utils/labels';
import { BUILT_IN_SITES, hostOfPattern as hostOf, SITE_MODES, type SiteMode } from '../../utils/privacy/site-modes';
import { customSitesItem, siteModesItem } from '../../utils/settings';
import { sitePatternFor } from '../../utils/site-patterns';

const MODE_LABELS: Record<SiteMode, () => string> = {
  log: () => t('privacySiteModeLog'),
  observe: () => t('privacySiteModeObserve'),
  off: () => t('privacySiteModeOff'),
};

/** Log / observe only / off for one site (a built-in platform id or a user-added site's pattern). */
function SiteModeSelect({ siteKey, label }: { siteKey: string; label: string }) {
  const modes = useStorageItem(siteModesItem) ?? {};
  return (
    <select
      aria-label={t('privacySiteModeLabel', label)}
      data-testid={`site-mode-${siteKey}`}
      value={modes[siteKey] ?? 'log'}
      onChange={async (e) => {
        const mode = e.currentTarget.value as SiteMode;
        await siteModesItem.setValue({ ...(await siteModesItem.getValue()), [siteKey]: mode });
      }}
    >
      {SITE_MODES.map((m) => (
        <option key={m} value={m}>
          {MODE_LABELS[m]()}
        </option>
      ))}
    </select>
  );
}

export function SitesSection() {
  const sites = useStorageItem(customSitesItem) ?? [];
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function add(e: Event) {
    e.preventDefault();
    const site = sitePatternFor(input);
    if (!site.ok) return setMessage({ ok: false, text: t(site.messageKey, site.values) });
    // The permission prompt needs the click's user gesture: request before anything else is awaited.
    browser.permissions
      .request({ origins: [site.pattern] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ ok: false, text: t('validateSiteNotGranted', site.host) });
          return;
        }
        const current = await customSitesItem.getValue();
        if (!current.includes(site.pattern)) await customSitesItem.setValue([...current, site.pattern]);
        setInput('');
        setMessage({ ok: true, text: `${site.host}: ${t('saved')}` });
      })
      .catch((err: unknown) => setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) }));
  }

  async function remove(pattern: string) {
    await customSitesItem.setValue(sites.filter((p) => p !== pattern));
    const { [pattern]: _, ...modes } = await siteModesItem.getValue();
    await siteModesItem.setValue(modes);
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    setMessage({ ok: true, text: `${hostOf(pattern)}: ${t('removeSite')} ✓` });
  }

  return (
    <section class="panel" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sectionSites')}</h2>
      <fieldset>
        <legend>{t('privacySiteModesLegend')}</legend>
        <p class="hint">{t('privacySiteModesHint')}</p>
        <div class="site-modes">
          {BUILT_IN_SITES.map((p) => (
            <Fragment key={p}>
              <span>{platformLabel(tr, p)}</span>
              <SiteModeSelect siteKey={p} label={platformLabel(tr, p)} />
            </Fragment>
          ))}
        </div>
      </fieldset>
      <p class="hint">{t('sitesHint')}</p>
      <ul class="plain" data-testid="site-list">
        {sites.map((p) => (
          <li key={p} class="row" style={{ justifyContent: 'space-between', padding: '0.2rem 0' }}>
            <span style={{ flex: 1 }}>{hostOf(p)}</span>
            <SiteModeSelect siteKey={p} label={hostOf(p)} />
            <button
              type="button"
              class="danger"
              onClick={() => remove(p)}
              aria-label={`${t('removeSite')}: ${hostOf(p)}`}
            >
              {t('removeSite')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="row" style={{ alignItems: 'flex-end' }}>
        <div style={{ flex: 1 }}>
          <label for="site-input">{t('siteLabel')}</label>
          <input
            id="site-input"
            data-testid="site-input"
            value={input}
            placeholder="www.lokalzeitung.de"
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </div>
        <button type="submit" data-testid="site-add">
          {t('addSite')}
        </button>
      </form>
      {message && (
        <p role="status" aria-live="polite" class={message.ok ? 'hint' : 'error'} data-testid="site-status">
          {message.text}
        </p>
      )}
    </section>
  );
}
