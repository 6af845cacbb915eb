// The day at a glance: the chosen day against the day before, the 7-day sparkline and the date switcher.

import { addBerlinDays, berlinDateKey, parseDateKey } from '../../utils/digest/berlin';
import { formatDay } from '../../utils/digest/format';
import type { DigestData } from '../../utils/digest/load';
import { change, signed, sparklinePoints } from '../../utils/digest/trend';
import { t, uiLang } from '../../utils/i18n';

const W = 140;
const H = 36;

export function DigestStats({
  d,
  todayStart,
  onDay,
}: {
  d: DigestData;
  todayStart: number;
  onDay: (dayStart: number) => void;
}) {
  const lang = uiLang();
  const isToday = d.dayStart === todayStart;
  const c = change(d.dayCount, d.previousCount);
  const values = d.trend.map((x) => x.count);
  const spoken = d.trend.map((x) => `${formatDay(x.dayStart, lang)}: ${x.count}`).join(', ');
  const points = sparklinePoints(values, W, H);
  const last = points.split(' ').at(-1)?.split(',') ?? [];
  return (
    <>
      <div class="row day-switch">
        <button
          type="button"
          aria-label={t('digestPreviousDay')}
          title={t('digestPreviousDay')}
          onClick={() => onDay(addBerlinDays(d.dayStart, -1))}
        >
          ‹
        </button>
        <label class="inline">
          <span class="visually-hidden">{t('digestDayLabel')}</span>
          <input
            type="date"
            data-testid="digest-day"
            value={berlinDateKey(d.dayStart)}
            max={berlinDateKey(todayStart)}
            onChange={(e) => {
              const day = parseDateKey(e.currentTarget.value);
              if (day !== undefined) onDay(Math.min(day, todayStart));
            }}
          />
        </label>
        <button
          type="button"
          aria-label={t('digestNextDay')}
          title={t('digestNextDay')}
          disabled={isToday}
          onClick={() => onDay(addBerlinDays(d.dayStart, 1))}
        >
          ›
        </button>
        {!isToday && (
          <button type="button" onClick={() => onDay(todayStart)}>
            {t('digestToday')}
          </button>
        )}
      </div>
      <section class="stats" aria-label={t('popupTitle')}>
        <div class="stat">
          <strong data-testid="digest-today-count">{d.dayCount}</strong>
          <span>{isToday ? t('digestToday') : formatDay(d.dayStart, lang)}</span>
        </div>
        <div class="stat">
          <strong data-testid="digest-yesterday-count">{d.previousCount}</strong>
          <span>{isToday ? t('digestYesterday') : formatDay(addBerlinDays(d.dayStart, -1), lang)}</span>
        </div>
        <div class="stat">
          <strong data-testid="digest-change" class={c.diff > 0 ? 'up' : c.diff < 0 ? 'down' : ''}>
            {signed(c.diff)}
          </strong>
          <span>
            {t('digestChange')}
            {c.percent !== undefined ? ` (${c.percent > 0 ? '+' : ''}${c.percent} %)` : ''}
          </span>
        </div>
        <figure class="stat spark">
          <svg
            data-testid="digest-sparkline"
            role="img"
            aria-label={t('digestSparklineLabel', spoken)}
            width={W}
            height={H}
            viewBox={`0 0 ${W} ${H}`}
          >
            <title>{t('digestSparklineLabel', spoken)}</title>
            <polyline points={points} fill="none" stroke="currentColor" stroke-width="2" />
            {last.length === 2 && <circle cx={last[0]} cy={last[1]} r="3" fill="currentColor" />}
          </svg>
          <figcaption>{t('digestSevenDays')}</figcaption>
        </figure>
      </section>
    </>
  );
}
