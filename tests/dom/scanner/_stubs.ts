// Stand-ins for what happy-dom lacks: the CSS Custom Highlight API (Highlight, CSS.highlights) and an
// IntersectionObserver the test drives (or that reports every target visible as soon as it is observed).

export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

export class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  /** When true, every observed target is reported intersecting right away (in a microtask). */
  static everythingVisible = true;
  readonly targets = new Set<Element>();
  constructor(
    private readonly callback: (entries: Array<{ target: Element; isIntersecting: boolean }>, o: unknown) => void,
    readonly options?: { rootMargin?: string },
  ) {
    FakeIntersectionObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
    if (FakeIntersectionObserver.everythingVisible) queueMicrotask(() => this.report([target], true));
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  /** Reports targets (still observed) entering or leaving the viewport. */
  report(targets: Iterable<Element>, isIntersecting: boolean) {
    const entries = [...targets].filter((t) => this.targets.has(t)).map((target) => ({ target, isIntersecting }));
    if (entries.length) this.callback(entries, this);
  }
}

/** Installs the stubs on globalThis; returns the highlight registry. */
export function installStubs(): Map<string, FakeHighlight> {
  const g = globalThis as unknown as Record<string, unknown>;
  const registry = new Map<string, FakeHighlight>();
  g.Highlight = FakeHighlight;
  const css = (g.CSS as Record<string, unknown> | undefined) ?? {};
  Object.defineProperty(css, 'highlights', { value: registry, configurable: true, writable: true });
  g.CSS = css;
  g.IntersectionObserver = FakeIntersectionObserver;
  FakeIntersectionObserver.instances = [];
  FakeIntersectionObserver.everythingVisible = true;
  return registry;
}

/** Text of every range per highlight name. */
export function highlightTexts(registry: Map<string, FakeHighlight>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, h] of registry) if (h.size) out[name] = [...h].map((r) => (r as Range).toString());
  return out;
}

export const flushMicrotasks = () => new Promise<void>((r) => setTimeout(r, 0));
