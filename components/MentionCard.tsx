import type { ComponentChildren } from 'preact';
import { PLATFORM_LABELS } from '../utils/export/csv';
import { t } from '../utils/i18n';
import type { Mention, MentionStatus } from '../utils/model';
import type { Profile } from '../utils/settings';
import { TopicChip } from './TopicChip';

const STATUS_TEXT: Record<MentionStatus, () => string> = {
  new: () => t('statusNew'),
  seen: () => t('statusSeen'),
  answered: () => t('statusAnswered'),
  ignored: () => t('statusIgnored'),
};

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** One mention; page text is rendered as text only (never as HTML). */
export function MentionCard({
  mention,
  profile,
  urgent,
  children,
}: {
  mention: Mention;
  profile: Profile;
  urgent?: boolean;
  children?: ComponentChildren;
}) {
  const kind = mention.kind === 'comment' ? t('kindComment') : t('kindPost');
  return (
    <article
      class={`card${urgent ? ' urgent' : ''}`}
      data-testid="mention-card"
      aria-label={`${kind}: ${mention.snippet.slice(0, 80)}`}
    >
      <div class="meta row">
        <span>{PLATFORM_LABELS[mention.platform]}</span>
        <span>·</span>
        <span>{kind}</span>
        <span>·</span>
        <span>{mention.author || t('authorUnknown')}</span>
        <span>·</span>
        <time dateTime={new Date(mention.firstSeen).toISOString()}>{formatTime(mention.firstSeen)}</time>
        <span>·</span>
        <span data-testid="mention-status">{STATUS_TEXT[mention.status]()}</span>
        {urgent && <strong class="error">{t('urgent')}</strong>}
      </div>
      <blockquote>{mention.snippet}</blockquote>
      <div class="row">
        {mention.topicIds.map((id) => (
          <TopicChip key={id} topicId={id} topics={profile.topics} municipality={profile.municipality.name} />
        ))}
      </div>
      {children}
    </article>
  );
}
