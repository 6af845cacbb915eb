// The content script's first step: the URL decides whether Lauscher runs on this page at all. In a private area
// (messages, mail, account pages) and on a site switched off, nothing starts: no styles, no scanner, no observers,
// nothing sent. Only the SPA navigation watch stays, so Lauscher starts when the user leaves the private area and
// stops (highlights gone, nothing more sent) when the user navigates into one.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isPrivateArea } from '../privacy/private-areas';
import { type SiteMode, type SiteModes, siteModeOf } from '../privacy/site-modes';
import { siteModesItem } from '../settings';

/** The slice of a content-script context one Lauscher session uses; it ends when the session stops. */
export type PageScope = Pick<
  ContentScriptContext,
  'signal' | 'isInvalid' | 'onInvalidated' | 'addEventListener' | 'requestAnimationFrame'
>;

export type RunningMode = Exclude<SiteMode, 'off'>;

function createScope(ctx: ContentScriptContext): PageScope & { end(): void } {
  const controller = new AbortController();
  const { signal } = controller;
  const offCtx = ctx.onInvalidated(() => controller.abort());
  return {
    signal,
    get isInvalid() {
      return signal.aborted;
    },
    onInvalidated(cb) {
      const run = () => cb();
      signal.addEventListener('abort', run, { once: true });
      return () => signal.removeEventListener('abort', run);
    },
    addEventListener: ((target: EventTarget, type: string, handler: (e: Event) => void, options?: object) => {
      if (type === 'wxt:locationchange') {
        // WXT's own watcher dispatches this under a name of its own; it lives as long as ctx, so guard the handler.
        ctx.addEventListener(
          window,
          'wxt:locationchange',
          (e) => {
            if (!signal.aborted) handler(e);
          },
          options,
        );
        return;
      }
      target.addEventListener(type, handler, { ...options, signal });
    }) as PageScope['addEventListener'],
    requestAnimationFrame(cb) {
      const id = requestAnimationFrame((t) => {
        if (!signal.aborted) cb(t);
      });
      signal.addEventListener('abort', () => cancelAnimationFrame(id), { once: true });
      return id;
    },
    end() {
      offCtx();
      controller.abort();
    },
  };
}

/**
 * Runs `run` while the page may be observed, with the site's mode, and ends it (its scope aborts) when the page
 * navigates into a private area or the site's mode changes.
 */
export function gatePage(ctx: ContentScriptContext, run: (scope: PageScope, mode: RunningMode) => void) {
  let session: { scope: ReturnType<typeof createScope>; mode: RunningMode } | undefined;
  let modes: SiteModes | undefined;
  let chain = Promise.resolve();

  const stop = () => {
    session?.scope.end();
    session = undefined;
  };

  async function modesNow(): Promise<SiteModes> {
    if (modes) return modes;
    modes = await siteModesItem.getValue();
    // Watched only once a page outside the private areas asked: a private page reads no setting at all.
    const unwatch = siteModesItem.watch((next) => {
      modes = next;
      decide(location.href);
    });
    ctx.onInvalidated(unwatch);
    return modes;
  }

  function decide(href: string) {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return stop();
    }
    // Synchronously: nothing of the session may run on a private page, not even its own navigation handler.
    if (isPrivateArea(url)) return stop();
    chain = chain.then(async () => {
      const mode = siteModeOf(url, await modesNow());
      if (ctx.isInvalid || href !== location.href) return;
      if (mode === 'off') return stop();
      if (session?.mode === mode) return;
      stop();
      const scope = createScope(ctx);
      session = { scope, mode };
      run(scope, mode);
    });
  }

  ctx.addEventListener(window, 'wxt:locationchange', (e: Event) => {
    decide((e as Event & { newUrl?: URL }).newUrl?.href ?? location.href);
  });
  decide(location.href);
}
