// Nothing found is lost when a tab closes or goes to the background: what the log has recorded but not yet read
// and sent (the deferred, idle-time reading of posts) goes out at once on `pagehide` and when the page is hidden.
// The message leaves before the page is gone; the background writes what it received even when the tab is closed.
import type { PageScope } from './site-gate';

export function flushOnHide(ctx: PageScope, flush: () => void | Promise<void>): void {
  const run = () => {
    Promise.resolve()
      .then(flush)
      .catch((err) => console.warn('[Lauscher] could not send the last mentions', err));
  };
  ctx.addEventListener(window, 'pagehide', run);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') run();
  });
}
