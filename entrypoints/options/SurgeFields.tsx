// When a topic counts as surging: more than `factor` × its usual hourly rate and at least `min` in the last hour.
import { useStorageItem } from '../../components/use-storage-item';
import { t, uiLang } from '../../utils/i18n';
import { surgeRuleItem } from '../../utils/settings';

export function SurgeFields() {
  const rule = useStorageItem(surgeRuleItem);
  if (!rule) return null;
  const save = (next: Partial<typeof rule>) => surgeRuleItem.setValue({ ...rule, ...next });
  return (
    <fieldset>
      <legend>{t('digestSurgeLegend')}</legend>
      <div class="row">
        <label class="inline">
          {t('digestSurgeFactor')}
          <input
            type="number"
            min={1.5}
            max={20}
            step={0.5}
            style={{ width: '5rem' }}
            data-testid="surge-factor"
            value={rule.factor}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isFinite(n) && n >= 1.5 && n <= 20) void save({ factor: n });
            }}
          />
        </label>
        <label class="inline">
          {t('digestSurgeMin')}
          <input
            type="number"
            min={2}
            max={500}
            step={1}
            style={{ width: '5rem' }}
            data-testid="surge-min"
            value={rule.min}
            onChange={(e) => {
              const n = Math.round(Number(e.currentTarget.value));
              if (Number.isFinite(n) && n >= 2 && n <= 500) void save({ min: n });
            }}
          />
        </label>
      </div>
      <p class="hint">
        {t('digestSurgeHint', [rule.factor.toLocaleString(uiLang() === 'de' ? 'de-DE' : 'en-GB'), String(rule.min)])}
      </p>
    </fieldset>
  );
}
