// The whole queue, a page at a time (50 cards, then "show more"): the digest reads only the cards asked for
// (utils/digest/load.ts), and the DOM holds only those. After an action the focus moves to the card that takes its
// place.
import { useEffect, useRef } from 'preact/hooks';
import { MentionCard } from '../../components/MentionCard';
import { getDb } from '../../utils/db';
import type { QueueEntry } from '../../utils/digest/queue';
import { t } from '../../utils/i18n';
import { setStatus } from '../../utils/mentions';
import type { Mention } from '../../utils/model';
import type { Profile } from '../../utils/settings';
import { ignoreMention, openMention, openSidePanel } from './actions';

export const PAGE_SIZE = 50;

export function QueueList({
  queue,
  total,
  profile,
  now,
  onMore,
}: {
  /** The cards asked for so far, in working order. */
  queue: QueueEntry[];
  /** Entries in the whole filtered queue. */
  total: number;
  profile: Profile;
  now: number;
  onMore: () => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  /** The acted-on card's position and id, until the list has re-rendered without (or with) it. */
  const pendingFocus = useRef<{ index: number; id: number } | null>(null);

  useEffect(() => {
    const p = pendingFocus.current;
    const root = list.current;
    if (!p || !root) return;
    const cards = [...root.querySelectorAll<HTMLElement>('[data-testid="mention-item"]')];
    // Still listed (a filter shows that status too): the next one; gone: the one now in its place.
    const stillThere = cards[p.index]?.dataset.mentionId === String(p.id);
    const target = cards[stillThere ? p.index + 1 : p.index] ?? cards[cards.length - 1];
    pendingFocus.current = null;
    (target ?? root.closest('section')?.querySelector<HTMLElement>('h2'))?.focus();
  }, [queue]);

  const act = (index: number, m: Mention, action: () => Promise<unknown>) => {
    pendingFocus.current = { index, id: m.id };
    action().catch((err) => {
      pendingFocus.current = null;
      console.warn('[Lauscher]', err);
    });
  };
  const db = getDb();

  return (
    <>
      {total === 0 && <p class="hint">{t('digestQueueEmpty')}</p>}
      <div data-testid="digest-list" ref={list}>
        {queue.map(({ mention: m, urgent, overdue }, index) => (
          <MentionCard
            key={m.id}
            mention={m}
            profile={profile}
            urgent={urgent}
            overdue={overdue}
            now={now}
            testId="mention-item"
            focusable
          >
            <div class="row">
              <a
                class="button"
                data-testid="mention-open"
                href={m.permalink}
                target="_blank"
                rel="noreferrer noopener"
                onClick={(e) => {
                  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  void openMention(m);
                }}
              >
                {t('openLink')}
              </a>
              <button type="button" data-testid="mention-open-sidepanel" onClick={() => openSidePanel(m)}>
                {t('sidepanelTitle')}
              </button>
              {m.status !== 'answered' && (
                <button
                  type="button"
                  data-testid="mention-mark-answered"
                  onClick={() => act(index, m, () => setStatus(db, m.id, 'answered'))}
                >
                  {t('markAnswered')}
                </button>
              )}
              {m.status !== 'ignored' && (
                <button
                  type="button"
                  data-testid="mention-ignore"
                  onClick={() => act(index, m, () => ignoreMention(m))}
                >
                  {t('markIgnored')}
                </button>
              )}
            </div>
          </MentionCard>
        ))}
      </div>
      {total > queue.length && (
        <button type="button" data-testid="digest-more" onClick={onMore}>
          {t('digestShowMore', [String(Math.min(PAGE_SIZE, total - queue.length)), String(total - queue.length)])}
        </button>
      )}
    </>
  );
}
