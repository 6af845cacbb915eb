// The published response promise (working hours) and the team's days off, next to the office hours they count in.
import { useState } from 'preact/hooks';
import { useStorageItem } from '../../components/use-storage-item';
import { parseDateKey } from '../../utils/digest/berlin';
import { formatDay } from '../../utils/digest/format';
import { t, uiLang } from '../../utils/i18n';
import { responsePromiseItem } from '../../utils/settings';
import { BoundedNumberField } from './BoundedNumberField';

export function ResponsePromiseFields() {
  const promise = useStorageItem(responsePromiseItem);
  const [draft, setDraft] = useState('');
  if (!promise) return null;
  const save = (next: Partial<typeof promise>) => responsePromiseItem.setValue({ ...promise, ...next });
  const add = () => {
    if (parseDateKey(draft) === undefined || promise.holidays.includes(draft)) return;
    void save({ holidays: [...promise.holidays, draft].sort() });
    setDraft('');
  };
  return (
    <fieldset>
      <legend>{t('digestPromiseLegend')}</legend>
      <BoundedNumberField
        label={t('digestPromiseHours')}
        value={promise.hours}
        min={1}
        max={720}
        width="6rem"
        testId="response-promise-hours"
        onSave={(hours) => void save({ hours })}
      />
      <p class="hint">{t('digestPromiseHint')}</p>
      <label for="holiday-input">{t('digestHolidays')}</label>
      <div class="row">
        <input
          id="holiday-input"
          type="date"
          style={{ width: 'auto' }}
          data-testid="holiday-input"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" data-testid="holiday-add" disabled={!draft} onClick={add}>
          {t('digestHolidayAdd')}
        </button>
      </div>
      <p class="hint">{t('digestHolidaysHint')}</p>
      <ul class="plain row" data-testid="holiday-list" aria-label={t('digestHolidays')}>
        {promise.holidays.map((h) => {
          const day = parseDateKey(h);
          const label = day === undefined ? h : formatDay(day, uiLang(), true);
          return (
            <li key={h} class="chip holiday">
              {label}
              <button
                type="button"
                aria-label={t('digestHolidayRemove', label)}
                title={t('digestHolidayRemove', label)}
                onClick={() => save({ holidays: promise.holidays.filter((x) => x !== h) })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
