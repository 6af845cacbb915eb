// A labelled number input that saves only values inside its bounds (rounded to `step` when it is whole).
export function BoundedNumberField({
  label,
  value,
  min,
  max,
  step = 1,
  width = '5rem',
  testId,
  onSave,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  width?: string;
  testId: string;
  onSave(value: number): void;
}) {
  return (
    <label class="inline">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        style={{ width }}
        data-testid={testId}
        value={value}
        onChange={(e) => {
          const raw = Number(e.currentTarget.value);
          const n = Number.isInteger(step) ? Math.round(raw) : raw;
          if (Number.isFinite(n) && n >= min && n <= max) onSave(n);
        }}
      />
    </label>
  );
}
