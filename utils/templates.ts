// Reply templates ("Antwortbausteine") with placeholders such as {{kommune}} and {{autor}}.

export type TemplateVars = Partial<
  Record<'kommune' | 'autor' | 'plattform' | 'thema' | 'datum' | 'sprechzeiten', string>
>;

export const PLACEHOLDERS = ['kommune', 'autor', 'plattform', 'thema', 'datum', 'sprechzeiten'] as const;

/**
 * Fills placeholders. An empty value removes the placeholder with the space before it ("Hallo {{autor}}," →
 * "Hallo,"), so a reply never greets a pseudonym. Unknown placeholders stay visible for the author to notice.
 */
export function renderTemplate(body: string, vars: TemplateVars): string {
  return body.replace(/(\s?)\{\{\s*([a-zäöü]+)\s*\}\}/gi, (whole, space: string, name: string) => {
    const key = name.toLowerCase() as keyof TemplateVars;
    if (!(PLACEHOLDERS as readonly string[]).includes(key)) return whole;
    const value = vars[key]?.trim();
    return value ? `${space}${value}` : '';
  });
}

/** Placeholders used in a template that are not known. */
export function unknownPlaceholders(body: string): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) out.add(name);
  }
  return [...out];
}
