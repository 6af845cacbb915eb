// When a topic counts as surging: more than `factor` × its usual hourly rate and at least `min` in the last hour.
import { useStorageItem } from '../../components/use-storage-item';
import { t, uiLang } from '../../utils/i18n';
import { surgeRuleItem } from '../../utils/settings';
import { BoundedNumberField } from './BoundedNumberField';

export function SurgeFields() {
  const rule = useStorageItem(surgeRuleItem);
  if (!rule) return null;
  const save = (next: Partial<typeof rule>) => surgeRuleItem.setValue({ ...rule, ...next });
  return (
    <fieldset>
      <legend>{t('digestSurgeLegend')}</legend>
      <div class="row">
        <BoundedNumberField
          label={t('digestSurgeFactor')}
          value={rule.factor}
          min={1.5}
          max={20}
          step={0.5}
          testId="surge-factor"
          onSave={(factor) => void save({ factor })}
        />
        <BoundedNumberField
          label={t('digestSurgeMin')}
          value={rule.min}
          min={2}
          max={500}
          testId="surge-min"
          onSave={(min) => void save({ min })}
        />
      </div>
      <p class="hint">
        {t('digestSurgeHint', [rule.factor.toLocaleString(uiLang() === 'de' ? 'de-DE' : 'en-GB'), String(rule.min)])}
      </p>
    </fieldset>
  );
}
