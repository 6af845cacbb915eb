// Stand-ins for what happy-dom lacks: the CSS Custom Highlight API (Highlight, CSS.highlights) and layout, so the
// painter's visibility source is a fake the test drives (or that reports every target near as soon as it is observed).
import type { NearChange, Visibility, VisibilityFactory } from '../../../utils/scanner/near-tracker';
import type { Span } from '../../../utils/scanner/painter';

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

/** The painter's visibility source, driven by the test (or reporting every target near as soon as it is observed). */
export class FakeVisibility implements Visibility {
  static instances: FakeVisibility[] = [];
  /** When true, every observed target is reported near right away (in a microtask). */
  static everythingVisible = true;
  readonly targets = new Set<Element>();
  invalidations = 0;
  constructor(private readonly onChange: NearChange) {
    FakeVisibility.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
    if (FakeVisibility.everythingVisible) queueMicrotask(() => this.report([target], true));
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  markNear(_target: Element) {}
  beginFlush() {}
  flush(_until: number) {}
  invalidate() {
    this.invalidations += 1;
  }
  disconnect() {
    this.targets.clear();
  }
  /** Reports targets (still observed) coming near the viewport or leaving it. */
  report(targets: Iterable<Element>, near: boolean) {
    for (const t of targets) if (this.targets.has(t)) this.onChange(t, near);
  }
}

export const fakeVisibility: VisibilityFactory = (_doc, onChange) => new FakeVisibility(onChange);

/** Installs the stubs on globalThis; returns the highlight registry. */
export function installStubs(): Map<string, FakeHighlight> {
  const g = globalThis as unknown as Record<string, unknown>;
  const registry = new Map<string, FakeHighlight>();
  g.Highlight = FakeHighlight;
  const css = (g.CSS as Record<string, unknown> | undefined) ?? {};
  Object.defineProperty(css, 'highlights', { value: registry, configurable: true, writable: true });
  g.CSS = css;
  FakeVisibility.instances = [];
  FakeVisibility.everythingVisible = true;
  return registry;
}

/** Text of every range per highlight name. */
export function highlightTexts(registry: Map<string, FakeHighlight>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of registry) if (h.size) out[name] = [...h].map((r) => (r as Range).toString());
  return out;
}

export const flushMicrotasks = () => new Promise<void>((r) => setTimeout(r, 0));

/** A span for the first `word` in the element's first text node. */
export function spanIn(el: Element, word: string, name = 'lauscher-amber', topicId = 'bau'): Span {
  const text = el.firstChild as Text;
  const start = text.data.indexOf(word);
  return {
    name,
    topicId,
    term: word,
    startNode: text,
    startOffset: start,
    endNode: text,
    endOffset: start + word.length,
  };
}
