// "In Kommentarfeld einfügen" against the real editor libraries (Lexical, Draft.js on React 17, ProseMirror, React
// and plain textareas, contenteditables), each the comment box of a post served under the site's real hostname.
// Asserted on each editor's own model (what its submit handler reads), not on the DOM.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lauscher, launchLauscher, readMentions } from '../../scripts/launch-chromium';
import { buildEditorPages, EDITORS, type EditorPage, NO_BOX, PROFILE, REFUSING, REPLY, TITLE } from './editor-pages';

const USERS_CLIPBOARD = 'Was die Nutzerin vorher kopiert hatte';
/** Lexical rich text makes one paragraph per pasted line; its model joins paragraphs with a blank line. */
const EXPECTED: Record<string, string> = { 'lexical-rich': REPLY.replace('\n', '\n\n') };

/** The bits of the extension API the tests use from the service worker. */
interface Chrome {
  tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> };
  storage: {
    session: { set(items: Record<string, unknown>): Promise<void> };
  };
}

/** Generous: the machine is shared, and a box that refuses the text is given a second to show it. */
const POLL = { timeout: 20_000 };

let lauscher: Lauscher;
let panel: Page;

async function model(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { __editorModel(): string | null }).__editorModel());
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens the post, waits for its mention in the log and shows it in the side panel, as the tooltip would. */
async function openInPanel(editor: EditorPage): Promise<Page> {
  const feed = await lauscher.context.newPage();
  await feed.goto(editor.url);
  await expect
    .poll(async () => (await readMentions(lauscher, panel)).some((m) => m.pageUrl === editor.url), { timeout: 30_000 })
    .toBe(true);
  const mention = (await readMentions(lauscher, panel)).find((m) => m.pageUrl === editor.url);
  await lauscher.worker.evaluate(
    async ([url, mentionKey]) => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await c.tabs.query({ url });
      await c.storage.session.set({ activeMention: { mentionKey, tabId: tab?.id } });
    },
    [editor.url, String(mention?.mentionKey)] as const,
  );
  await expect.poll(() => panel.getByTestId('mention-card').textContent(), POLL).toContain(editor.name);
  return feed;
}

function replyCard() {
  return panel.locator('[data-testid="template-card"], [data-testid="template-item"]').filter({ hasText: TITLE });
}

beforeAll(async () => {
  const pages = await buildEditorPages();
  lauscher = await launchLauscher();
  for (const editor of [...EDITORS, NO_BOX, REFUSING]) await lauscher.serve(editor.url, pages[editor.name] as string);
  for (const origin of ['https://www.facebook.com', 'https://x.com', 'https://www.reddit.com']) {
    await lauscher.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }
  await lauscher.setSetting('profile', PROFILE);
  panel = await lauscher.context.newPage();
  await panel.goto(lauscher.extensionUrl('sidepanel.html'));
}, 120_000);

afterAll(async () => {
  await lauscher?.close();
});

describe('inserting a reply into real comment editors (Chromium)', () => {
  for (const editor of EDITORS) {
    it(`${editor.name} on ${new URL(editor.url).host}: the model holds the reply once, undo and typing work`, async () => {
      const feed = await openInPanel(editor);
      await feed.evaluate((text) => navigator.clipboard.writeText(text), USERS_CLIPBOARD);
      expect(await model(feed)).toBe('');

      await replyCard().getByTestId('template-insert').click();
      await expect.poll(() => replyCard().getByTestId('insert-status').textContent(), POLL).toBe('Eingefügt');
      const expected = EXPECTED[editor.name] ?? REPLY;
      expect(await model(feed)).toBe(expected);
      expect(await feed.evaluate(() => (window as unknown as { __editorErrors: string[] }).__editorErrors)).toEqual([]);
      // Focus and caret are in the box, the user's clipboard is as it was.
      const where = await feed.evaluate(() => {
        const box = document.querySelector('textarea, [contenteditable]:not([contenteditable="false"])');
        const active = document.activeElement;
        const anchor = document.getSelection()?.anchorNode;
        return {
          focused: !!box && !!active && (box === active || box.contains(active)),
          caret:
            box instanceof HTMLTextAreaElement
              ? box.selectionStart === box.value.length
              : !!anchor && !!box?.contains(anchor),
        };
      });
      expect(where).toEqual({ focused: true, caret: true });
      expect(await clipboard(feed)).toBe(USERS_CLIPBOARD);

      // Ctrl+Z takes the insertion back in one step; the editor still takes typing.
      await feed.keyboard.press('Control+z');
      await expect.poll(() => model(feed), POLL).toBe('');
      await feed.keyboard.type('Danke');
      await expect.poll(() => model(feed), POLL).toBe('Danke');

      // The editor's own paste of the same text (the real clipboard, Ctrl+V) gives the same model.
      await feed.keyboard.press('Control+a');
      await feed.evaluate((text) => navigator.clipboard.writeText(text), REPLY);
      await feed.keyboard.press('Control+v');
      await expect.poll(() => model(feed), POLL).toBe(expected);
      await feed.close();
    });
  }

  it('a post without a comment box: the reply goes to the clipboard and the side panel says so', async () => {
    const feed = await openInPanel(NO_BOX);
    await feed.evaluate((text) => navigator.clipboard.writeText(text), USERS_CLIPBOARD);
    await replyCard().getByTestId('template-insert').click();
    await expect
      .poll(() => replyCard().getByTestId('insert-status').textContent(), POLL)
      .toBe('Kein passendes Kommentarfeld – der Text liegt in der Zwischenablage, bitte mit Strg+V einfügen.');
    expect(await clipboard(feed)).toBe(REPLY);
    await panel.screenshot({ path: 'test-results/insert-no-box.png' });
    await feed.close();
  });

  it('a box that does not take the text: the reply goes to the clipboard with its own message', async () => {
    const feed = await openInPanel(REFUSING);
    await feed.evaluate((text) => navigator.clipboard.writeText(text), USERS_CLIPBOARD);
    await replyCard().getByTestId('template-insert').click();
    await expect
      .poll(() => replyCard().getByTestId('insert-status').textContent(), POLL)
      .toBe(
        'Das Kommentarfeld hat den Text nicht angenommen – er liegt in der Zwischenablage, bitte mit Strg+V einfügen.',
      );
    expect(await model(feed)).toBe('');
    expect(await clipboard(feed)).toBe(REPLY);
    await panel.screenshot({ path: 'test-results/insert-not-taken.png' });
    await feed.close();
  });
});
