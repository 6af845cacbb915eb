import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import {
  isCommonWord,
  type MunicipalityRow,
  type MunicipalitySuggestion,
  suggestMunicipalities,
} from '../../utils/municipalities';

let rowsPromise: Promise<MunicipalityRow[]> | undefined;
/** The register (~11,000 names) loads only when the field is used. */
function loadRows(): Promise<MunicipalityRow[]> {
  rowsPromise ??= import('../../utils/municipalities/municipalities.json').then((m) => m.default as MunicipalityRow[]);
  return rowsPromise;
}

function describe(s: MunicipalitySuggestion): string {
  return [s.kreis, s.land, `${s.population.toLocaleString('de-DE')} Einwohner`].filter(Boolean).join(' · ');
}

/** The "Kommune" input as an ARIA combobox with suggestions from the official register. */
export function MunicipalityField({
  value,
  onChange,
}: {
  value: string;
  onChange(name: string, caseSensitive?: boolean): void;
}) {
  const [rows, setRows] = useState<MunicipalityRow[] | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<MunicipalitySuggestion | null>(null);
  const suggestions = open && rows ? suggestMunicipalities(value, rows) : [];

  useEffect(() => setActive(0), [value]);

  function choose(s: MunicipalitySuggestion) {
    setPicked(s);
    setOpen(false);
    onChange(s.name, isCommonWord(s.name));
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
        required
        autocomplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls="municipality-suggestions"
        aria-activedescendant={suggestions.length ? `municipality-option-${active}` : undefined}
        aria-describedby="municipality-hint"
        onFocus={() => loadRows().then(setRows)}
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
            key={s.official + s.plz}
            id={`municipality-option-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
          >
            <strong>{s.name}</strong> <span class="hint">{describe(s)}</span>
          </div>
        ))}
      </div>
      <p class="hint" id="municipality-hint">
        {picked ? `${picked.official} · ${describe(picked)} – ` : ''}
        {picked && isCommonWord(picked.name) ? `${t('caseSensitiveLabel')} ✓. ` : ''}
        {t('municipalityHint')}
      </p>
    </div>
  );
}
