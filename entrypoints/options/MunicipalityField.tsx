import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { type MunicipalitySuggestion, suggestMunicipalities } from '../../utils/municipalities';
import { type KreisSuggestion, suggestKreise } from '../../utils/municipalities/kreise';
import type { RegisterPick } from '../../utils/municipalities/onboarding';
import { loadRegister, type Register } from './register';

function describe(s: { land: string; population: number; kreis?: string }): string {
  return [s.kreis, s.land, t('namesPopulation', s.population.toLocaleString(navigator.language))]
    .filter(Boolean)
    .join(' · ');
}

/** Municipalities first, then matching Kreise (a Kreis's team types its name like a town's). */
function suggestionsFor(query: string, register: Register): RegisterPick[] {
  const towns = suggestMunicipalities(query, register.rows, 7).map(
    (suggestion): RegisterPick => ({ kind: 'municipality', suggestion }),
  );
  const kreise = suggestKreise(query, register.kreise, 3).map(
    (suggestion): RegisterPick => ({ kind: 'kreis', suggestion }),
  );
  return [...towns, ...kreise];
}

const label = (p: RegisterPick) => p.suggestion.name;
const keyOf = (p: RegisterPick) =>
  p.kind === 'kreis' ? `k:${p.suggestion.name}` : `m:${p.suggestion.official}${p.suggestion.plz}`;

/** The "Kommune" input as an ARIA combobox with suggestions from the official register. */
export function MunicipalityField({
  value,
  invalid,
  describedBy,
  onChange,
  onPick,
}: {
  value: string;
  invalid: boolean;
  /** ids of the messages that belong to the field */
  describedBy: string;
  onChange(name: string): void;
  onPick(pick: RegisterPick, register: Register): void;
}) {
  const [register, setRegister] = useState<Register | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<RegisterPick | null>(null);
  const suggestions = open && register ? suggestionsFor(value, register) : [];

  useEffect(() => setActive(0), [value]);

  function choose(p: RegisterPick) {
    setPicked(p);
    setOpen(false);
    if (register) onPick(p, register);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!suggestions.length) return;
    if (e.key === 'ArrowDown') setActive((active + 1) % suggestions.length);
    else if (e.key === 'ArrowUp') setActive((active - 1 + suggestions.length) % suggestions.length);
    else if (e.key === 'Enter') {
      const s = suggestions[active];
      if (s) choose(s);
    } else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  }

  return (
    <div style={{ position: 'relative' }}>
      <label for="municipality">{t('municipalityLabel')}</label>
      <input
        id="municipality"
        data-testid="municipality-input"
        value={value}
        autocomplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls="municipality-suggestions"
        aria-activedescendant={suggestions.length ? `municipality-option-${active}` : undefined}
        aria-describedby={`${describedBy} municipality-hint`}
        aria-invalid={invalid}
        onFocus={() => loadRegister().then(setRegister)}
        onInput={(e) => {
          setPicked(null);
          setOpen(true);
          onChange(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <div
        id="municipality-suggestions"
        role="listbox"
        aria-label={t('municipalitySuggestions')}
        class="suggestions"
        hidden={suggestions.length === 0}
      >
        {suggestions.map((s, i) => (
          <div
            tabIndex={-1}
            key={keyOf(s)}
            id={`municipality-option-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
          >
            <strong>{label(s)}</strong> {s.kind === 'kreis' && <span class="badge">{t('namesKreisBadge')}</span>}{' '}
            <span class="hint">{describe(s.suggestion as MunicipalitySuggestion | KreisSuggestion)}</span>
          </div>
        ))}
      </div>
      <p class="hint" id="municipality-hint">
        {picked?.kind === 'municipality' ? `${picked.suggestion.official} · ${describe(picked.suggestion)} – ` : ''}
        {picked?.kind === 'kreis' ? `${describe(picked.suggestion)} – ` : ''}
        {t('municipalityHint')}
      </p>
    </div>
  );
}
