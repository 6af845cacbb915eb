// Compiling is written as generators that yield between small batches of work, so the content script can spread a
// big profile over several tasks (no long task at page load or after a settings change) while tests, the options
// page and the bench still call the plain synchronous functions.

/** Work that yields between batches and returns T when done. */
export type Steps<T> = Generator<void, T, void>;

/** Runs all steps at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Work done before the first pause (ms): an ordinary profile compiles within it, in the task that asked. */
  firstMs: number;
  /** Work done between later pauses (ms). */
  sliceMs: number;
  /** Gives the page its turn; resolves when work may go on. */
  pause: () => Promise<void>;
  /** Asked after each pause: true stops the work (a newer request replaced it). */
  cancelled?: () => boolean;
  now?: () => number;
}

/**
 * Runs the steps in slices of at most about `sliceMs` (the first one `firstMs`), pausing between them; undefined when
 * cancelled.
 */
export async function runStepsInSlices<T>(steps: Steps<T>, options: SliceOptions): Promise<T | undefined> {
  const now = options.now ?? (() => performance.now());
  let until = now() + options.firstMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() >= until) {
      await options.pause();
      if (options.cancelled?.()) return undefined;
      until = now() + options.sliceMs;
    }
  }
}

/** A counter that says when a loop should yield: every `every` calls. */
export function yieldEvery(every: number): () => boolean {
  let n = 0;
  return () => {
    n += 1;
    if (n < every) return false;
    n = 0;
    return true;
  };
}
