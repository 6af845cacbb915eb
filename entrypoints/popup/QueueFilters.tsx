// Filters over the whole queue: topic, platform, status, who did it (in a team) and a search in the snippets.

import type { QueueFilter } from '../../utils/digest/queue';
import type { WhoFilter } from '../../utils/digest/who';
import { t, tr } from '../../utils/i18n';
import { platformLabel } from '../../utils/labels';
import { MUNICIPALITY_TOPIC } from '../../utils/matcher';
import { MENTION_STATUSES, type MentionStatus, PLATFORMS, type Platform } from '../../utils/model';
import type { Profile } from '../../utils/settings';

const STATUS_LABEL: Record<MentionStatus, () => string> = {
  new: () => t('statusNew'),
  seen: () => t('statusSeen'),
  answered: () => t('statusAnswered'),
  ignored: () => t('statusIgnored'),
};

export function QueueFilters({
  filter,
  profile,
  showWho,
  onChange,
}: {
  filter: QueueFilter;
  profile: Profile;
  /** Only for people working in a team (sync set up or a display name): alone, everything is "von mir". */
  showWho: boolean;
  onChange: (f: QueueFilter) => void;
}) {
  return (
    <search class="filters" aria-label={t('digestFilters')}>
      <label>
        <span>{t('digestFilterTopic')}</span>
        <select
          data-testid="digest-filter-topic"
          value={filter.topicIds?.[0] ?? ''}
          onChange={(e) => onChange({ ...filter, topicIds: e.currentTarget.value ? [e.currentTarget.value] : [] })}
        >
          <option value="">{t('digestFilterAll')}</option>
          <option value={MUNICIPALITY_TOPIC}>{profile.municipality.name}</option>
          {profile.topics.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('digestFilterPlatform')}</span>
        <select
          data-testid="digest-filter-platform"
          value={filter.platforms?.[0] ?? ''}
          onChange={(e) =>
            onChange({ ...filter, platforms: e.currentTarget.value ? [e.currentTarget.value as Platform] : [] })
          }
        >
          <option value="">{t('digestFilterAll')}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {platformLabel(tr, p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('digestFilterStatus')}</span>
        <select
          data-testid="digest-filter-status"
          value={filter.statuses?.length === 1 ? filter.statuses[0] : ''}
          onChange={(e) =>
            onChange({ ...filter, statuses: e.currentTarget.value ? [e.currentTarget.value as MentionStatus] : [] })
          }
        >
          <option value="">{t('digestFilterOpen')}</option>
          {MENTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]()}
            </option>
          ))}
        </select>
      </label>
      {showWho && (
        <>
          <label>
            <span>{t('teamFilterWho')}</span>
            <select
              data-testid="queue-filter-who"
              aria-describedby="queue-filter-who-hint"
              value={filter.who ?? ''}
              onChange={(e) =>
                onChange({ ...filter, who: (e.currentTarget.value || undefined) as WhoFilter | undefined })
              }
            >
              <option value="">{t('digestFilterAll')}</option>
              <option value="me">{t('teamFilterWhoMe')}</option>
              <option value="team">{t('teamFilterWhoTeam')}</option>
            </select>
          </label>
          {/* Outside the label: a description, not part of the control's name. Absolute, so no grid cell. */}
          <span class="visually-hidden" id="queue-filter-who-hint">
            {t('teamFilterWhoHint')}
          </span>
        </>
      )}
      <label class="search">
        <span>{t('digestSearch')}</span>
        <input
          type="search"
          data-testid="digest-search"
          value={filter.search ?? ''}
          placeholder={t('digestSearchPlaceholder')}
          onInput={(e) => onChange({ ...filter, search: e.currentTarget.value })}
        />
      </label>
    </search>
  );
}
