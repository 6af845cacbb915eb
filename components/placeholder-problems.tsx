import { t, uiLang } from '../utils/i18n';
import type { PlaceholderProblem } from '../utils/templates';

/** One sentence per problem, naming the placeholder and, where we can tell, the one that was meant. */
export function problemText(p: PlaceholderProblem): string {
  if (p.kind === 'broken') return t('tplPhBroken', p.token);
  if (p.kind === 'empty')
    return p.suggestion ? t('tplPhEmptyAutor', [p.token, `{{${p.suggestion}}}`]) : t('tplPhEmpty', p.token);
  return p.suggestion ? t('tplPhUnknownSuggest', [p.token, `{{${p.suggestion}}}`]) : t('tplPhUnknown', p.token);
}

export function PlaceholderProblems({ id, problems }: { id: string; problems: PlaceholderProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} class="notice warn tpl-problems" data-testid="template-problems">
      {problems.map((p) => (
        <li key={p.token}>{problemText(p)}</li>
      ))}
    </ul>
  );
}

export const formatDay = (ms: number) => new Date(ms).toLocaleDateString(uiLang() === 'de' ? 'de-DE' : 'en-GB');
