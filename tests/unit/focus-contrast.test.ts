// The focus ring colour of popup, side panel and options (components/theme.css) keeps at least 3:1 against both
// page backgrounds, in light and dark mode (WCAG 2.2 1.4.11; #ffbf47 on white, the old ring, is 1.6:1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '..', '..', 'components', 'theme.css'), 'utf8');

function vars(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}
const light = vars(/:root\s*{([^}]*)}/.exec(css)?.[1] ?? '');
const dark = { ...light, ...vars(/prefers-color-scheme:\s*dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)?.[1] ?? '') };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const f = (s = 0) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('focus ring contrast', () => {
  it('matches the reference values', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#ffbf47', '#ffffff')).toBeCloseTo(1.64, 2);
  });
  for (const [mode, v] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`--focus has at least 3:1 on --bg and --bg-soft (${mode})`, () => {
      expect(v.focus).toMatch(/^#/);
      expect(contrast(v.focus as string, v.bg as string)).toBeGreaterThanOrEqual(3);
      expect(contrast(v.focus as string, v['bg-soft'] as string)).toBeGreaterThanOrEqual(3);
    });
  }
});
