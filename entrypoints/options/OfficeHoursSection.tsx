import { useStorageItem } from '../../components/use-storage-item';
import { t, uiLang } from '../../utils/i18n';
import { describeOfficeHours } from '../../utils/office-hours';
import { officeHoursItem } from '../../utils/settings';
import { ResponsePromiseFields } from './ResponsePromiseFields';
import { SurgeFields } from './SurgeFields';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

export function OfficeHoursSection() {
  const hours = useStorageItem(officeHoursItem);
  if (!hours) return null;
  const names = new Intl.DateTimeFormat(uiLang() === 'de' ? 'de-DE' : 'en-GB', { weekday: 'short' });
  // 2024-01-07 was a Sunday: day d is that date + d.
  const dayName = (d: number) => names.format(new Date(2024, 0, 7 + d));
  const save = (next: Partial<typeof hours>) => officeHoursItem.setValue({ ...hours, ...next });
  return (
    <section class="panel" aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('sectionOfficeHours')}</h2>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="office-hours-enabled"
          checked={hours.enabled}
          onChange={(e) => save({ enabled: e.currentTarget.checked })}
        />
        {t('officeHoursEnabled')}
      </label>
      <fieldset disabled={!hours.enabled}>
        <legend class="visually-hidden">{t('sectionOfficeHours')}</legend>
        <div class="row">
          {DAYS.map((d) => (
            <label class="inline" key={d}>
              <input
                type="checkbox"
                checked={hours.days.includes(d)}
                onChange={(e) =>
                  save({ days: e.currentTarget.checked ? [...hours.days, d] : hours.days.filter((x) => x !== d) })
                }
              />
              {dayName(d)}
            </label>
          ))}
        </div>
        <div class="row">
          <label class="inline">
            {t('officeHoursFrom')}
            <input type="time" value={hours.start} onChange={(e) => save({ start: e.currentTarget.value })} />
          </label>
          <label class="inline">
            {t('officeHoursTo')}
            <input type="time" value={hours.end} onChange={(e) => save({ end: e.currentTarget.value })} />
          </label>
        </div>
      </fieldset>
      <p class="hint">{describeOfficeHours(hours, uiLang())}</p>
      <ResponsePromiseFields />
      <SurgeFields />
    </section>
  );
}
