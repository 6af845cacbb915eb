import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MentionCard } from '../../components/MentionCard';
import { TemplateCard } from '../../components/TemplateCard';
import { useLiveQuery } from '../../components/use-live-query';
import { useStorageItem } from '../../components/use-storage-item';
import { activeMentionItem } from '../../utils/background/status-items';
import { getDb } from '../../utils/db';
import { t, tr, uiLang } from '../../utils/i18n';
import { platformLabel } from '../../utils/labels';
import { MUNICIPALITY_TOPIC } from '../../utils/matcher';
import { listMentions, readable, setNote, setStatus } from '../../utils/mentions';
import { type InsertReplyResult, sendMessage } from '../../utils/messaging';
import type { Mention } from '../../utils/model';
import { describeOfficeHours } from '../../utils/office-hours';
import {
  DEFAULT_OFFICE_HOURS,
  DEMO_PROFILE,
  officeHoursItem,
  type Profile,
  profileItem,
  type ReplyTemplate,
} from '../../utils/settings';
import { groupVariants, isExpired, type TemplateGroup, type TemplateVars, usableVariants } from '../../utils/templates';
import { OnThisPage } from './OnThisPage';

function varsFor(
  mention: Mention | undefined,
  profile: Profile,
  officeHours = DEFAULT_OFFICE_HOURS,
): TemplateVars & { author?: string } {
  const topic = profile.topics.find((x) => mention?.topicIds.includes(x.id));
  return {
    kommune: profile.municipality.name,
    // {{anrede}} and {{autor}} greet only what looks like a person's name (never a pseudonym or screen name).
    author: mention?.author,
    plattform: mention ? platformLabel(tr, mention.platform) : '',
    thema: topic?.label ?? '',
    datum: new Date().toLocaleDateString(uiLang() === 'de' ? 'de-DE' : 'en-GB'),
    sprechzeiten: describeOfficeHours(officeHours, uiLang()),
  };
}

/** An expired reply's wordings, the house one first (shown only to say it has expired). */
function expiredVariants(group: TemplateGroup, house: 'sie' | 'du'): ReplyTemplate[] {
  const all = [group[house], group[house === 'sie' ? 'du' : 'sie']];
  return all.filter((x): x is ReplyTemplate => !!x && isExpired(x));
}

export function SidePanel() {
  const db = getDb();
  const profile = useStorageItem(profileItem) ?? DEMO_PROFILE;
  const officeHours = useStorageItem(officeHoursItem);
  const active = useStorageItem(activeMentionItem);
  const [pickedKey, setPickedKey] = useState<string | null>(null);
  const key = pickedKey ?? active?.mentionKey ?? null;
  const mention = useLiveQuery(async () => {
    const row = key ? await db.mentions.where('mentionKey').equals(key).first() : undefined;
    return row && readable(row);
  }, [key]);
  const recent = useLiveQuery(() => listMentions(db, { statuses: ['new', 'seen'], limit: 15 }), []);

  const topics = new Set(mention?.topicIds.filter((x) => x !== MUNICIPALITY_TOPIC) ?? []);
  const house = profile.houseFormality === 'du' ? 'du' : 'sie';
  const now = Date.now();
  // One card per reply, the house wording first; a reply whose every wording has expired is only listed, marked.
  const groups = groupVariants(profile.templates).map((g) => ({ group: g, variants: usableVariants(g, house, now) }));
  const live = groups.filter((x) => x.variants.length > 0);
  const expired = groups.filter((x) => x.variants.length === 0).map((x) => expiredVariants(x.group, house));
  const fits = (variants: ReplyTemplate[]) => variants.some((tpl) => tpl.topicIds.some((x) => topics.has(x)));
  const suggested = live.filter((x) => fits(x.variants));
  const others = live.filter((x) => !suggested.includes(x));
  const vars = varsFor(mention, profile, officeHours);

  /** The tab the mention was picked in (from the tooltip), else the active one. */
  async function targetTab(): Promise<number | undefined> {
    if (active?.tabId !== undefined && active.mentionKey === mention?.mentionKey) return active.tabId;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }

  async function insert(text: string): Promise<InsertReplyResult> {
    const tabId = mention && (await targetTab());
    if (!mention || tabId === undefined) return { status: 'noBox' };
    // No content script in that tab (closed, another site, not yet granted): no box we could reach.
    return sendMessage('uiInsertReply', { mentionKey: mention.mentionKey, text }, tabId).catch(() => ({
      status: 'noBox' as const,
    }));
  }

  async function reveal() {
    const tabId = mention && (await targetTab());
    if (!mention || tabId === undefined) return;
    const res = await sendMessage('uiRevealMention', { mentionKey: mention.mentionKey }, tabId).catch(() => null);
    if (!res?.found) window.open(mention.permalink, '_blank', 'noopener');
  }

  return (
    <main style={{ padding: '0.8rem' }}>
      <h1>{t('sidepanelTitle')}</h1>
      {mention ? (
        <MentionCard mention={mention} profile={profile}>
          <div class="row">
            <button type="button" data-testid="reveal-mention" onClick={reveal}>
              {t('revealMention')}
            </button>
            <a class="button" href={mention.permalink} target="_blank" rel="noreferrer noopener">
              {t('openLink')}
            </a>
            {mention.status !== 'answered' && (
              <button type="button" data-testid="mark-answered" onClick={() => setStatus(db, mention.id, 'answered')}>
                {t('markAnswered')}
              </button>
            )}
          </div>
          {mention.status === 'answered' && mention.templateUsed && (
            <p class="hint" data-testid="answered-with">
              {t('tplAnsweredWith', [
                profile.templates.find((x) => x.id === mention.templateUsed)?.title ?? mention.templateUsed,
                String(mention.templateVersion ?? '?'),
              ])}
            </p>
          )}
          <label for="mention-note">{t('noteLabel')}</label>
          <textarea
            id="mention-note"
            data-testid="mention-note"
            rows={2}
            key={mention.id}
            defaultValue={mention.note}
            aria-describedby="mention-note-hint"
            onBlur={(e) => setNote(db, mention.id, e.currentTarget.value)}
          />
          <p class="hint" id="mention-note-hint">
            {t('noteHint')}
          </p>
        </MentionCard>
      ) : (
        <p class="hint">{t('sidepanelNoMention')}</p>
      )}

      {suggested.length > 0 && (
        <section aria-labelledby="suggested">
          <h2 id="suggested">{t('sidepanelSuggested')}</h2>
          {suggested.map(({ group, variants }) => (
            <TemplateCard
              key={`${group.key}:${mention?.id}`}
              variants={variants}
              vars={vars}
              mention={mention}
              onInsert={insert}
            />
          ))}
        </section>
      )}
      {(others.length > 0 || suggested.length === 0) && (
        <section aria-labelledby="all-templates">
          <h2 id="all-templates">{suggested.length ? t('sidepanelAllTemplates') : t('sidepanelSuggested')}</h2>
          {others.map(({ group, variants }) => (
            <TemplateCard
              key={`${group.key}:${mention?.id}`}
              variants={variants}
              vars={vars}
              mention={mention}
              onInsert={insert}
            />
          ))}
        </section>
      )}
      {expired.length > 0 && (
        <section aria-labelledby="expired-templates" data-testid="expired-templates">
          <h2 id="expired-templates">{t('tplExpiredSection')}</h2>
          <p class="hint">{t('tplExpiredHint')}</p>
          {expired.map((variants) => (
            <TemplateCard key={variants[0]?.id} variants={variants} vars={vars} mention={mention} onInsert={insert} />
          ))}
        </section>
      )}

      <OnThisPage profile={profile} />

      <section aria-labelledby="recent">
        <h2 id="recent">{t('sidepanelRecent')}</h2>
        <ul class="plain" data-testid="sidepanel-recent">
          {recent?.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                class="linklike"
                aria-pressed={m.mentionKey === key}
                onClick={() => setPickedKey(m.mentionKey)}
                style={{ width: '100%', textAlign: 'left', margin: '0.2rem 0' }}
              >
                {platformLabel(tr, m.platform)}: {m.snippet.slice(0, 90)}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
