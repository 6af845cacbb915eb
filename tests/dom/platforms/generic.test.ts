// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, textNode } from './load';

describe('generic adapter on a blog page (built fixture)', () => {
  const url = 'https://anzeiger.example/stadtfest-abgesagt/?utm_source=feed';
  const page = loadFixture('generic/blog-comments.html', url);
  it('finds the article and 2 comments', () => {
    expect(page.adapter.id).toBe('generic');
    expect(page.items.map((i) => i.kind)).toEqual(['post', 'comment', 'comment']);
  });
  it('reads permalinks from self links or the own id anchor; the page’s own article is the page', () => {
    expect(page.items[0]).toMatchObject({
      permalink: 'https://anzeiger.example/stadtfest-abgesagt/?utm_source=feed',
      author: 'Lokalredaktion',
      time: '2025-06-04T10:00:00.000Z',
      text: 'Stadtfest Musterstadt abgesagt Das Stadtfest fällt wegen Bauarbeiten am Marktplatz aus.',
    });
    expect(page.items[1]).toMatchObject({
      permalink: 'https://anzeiger.example/stadtfest-abgesagt/#comment-12',
      author: 'Erika',
      time: '2025-06-04T11:05:00.000Z',
      text: 'Sehr schade, die Stadt hätte früher informieren sollen.',
    });
    expect(page.items[2]).toMatchObject({
      permalink: 'https://anzeiger.example/stadtfest-abgesagt/?utm_source=feed#comment-13',
      author: 'Redaktion',
    });
  });
  it('closestItem: innermost item, else nearest block element', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'gestern bekannt'))?.id).toBe('comment-13');
    expect(page.adapter.closestItem(textNode(page.doc, 'Impressum'))?.tagName).toBe('P');
  });
});

describe('generic adapter on a zeit.de comment section (real page)', () => {
  const url =
    'https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-hochgeschwindigkeitsstrecke-eu-kommission';
  const page = loadFixture('generic/2020-zeit-de-article-comments.html', url);
  it('finds the article and its 8 reader comments (not the comment column, not the login form)', () => {
    expect(page.adapter.id).toBe('generic');
    expect(page.items.map((i) => i.kind)).toEqual(['post', ...Array(8).fill('comment')]);
  });
  it('reads the article as the page’s own post', () => {
    expect(page.items[0]).toMatchObject({
      permalink: url,
      author: 'Caspar Schwietering',
      time: '2020-01-14T08:21:29.000Z',
    });
  });
  it('gives every comment its own ?cid= permalink, its author (not "Antworten") and visible time', () => {
    expect(page.items.slice(1).map((c) => [c.permalink.slice(url.length), c.author, c.time])).toEqual([
      ['?cid=51160650#cid-51160650', 'ThomasMelber', 'vor 8 Stunden'],
      ['?cid=51160747#cid-51160747', 'Curitiba', 'vor 8 Stunden'],
      ['?cid=51160665#cid-51160665', 'Rechtssozialdemokrat', 'vor 8 Stunden'],
      ['?cid=51160826#cid-51160826', 'Robert Geiss', 'vor 8 Stunden'],
      ['?cid=51160721#cid-51160721', 'TotoBien', 'vor 8 Stunden'],
      ['?cid=51161031#cid-51161031', 'VVPP', 'vor 7 Stunden'],
      ['?cid=51160730#cid-51160730', 'TWhao', 'vor 8 Stunden'],
      ['?cid=51160762#cid-51160762', 'besserStill', 'vor 8 Stunden'],
    ]);
    expect(page.items[1]).toMatchObject({
      authorUrl: 'https://profile.zeit.de/3806054',
      text: 'Entfernt. Bitte bleiben Sie beim Thema. Danke, die Redaktion/vh',
    });
    expect(page.items[8]?.text).toBe('Artikel gelesen?');
  });
  it('closestItem: the comment unit', () => {
    expect(page.adapter.closestItem(textNode(page.doc, 'Artikel gelesen?'))?.id).toBe('cid-51160762');
  });
});

describe('generic adapter on a taz.de-like comment section (built fixture)', () => {
  const url = 'https://taz.de/Neuer-Radweg-in-Musterstadt/!6000001/';
  const page = loadFixture('generic/taz-like-comments.html', url);
  it('finds the article and 3 comments (one reply), each with its #id permalink, author and time', () => {
    expect(page.items.map((i) => [i.kind, i.permalink, i.author, i.time])).toEqual([
      ['post', url, '', undefined],
      ['comment', `${url}#bb_message_4412345`, 'Radlerin aus Musterstadt', '2026-11-30T07:15:00.000Z'],
      ['comment', `${url}#bb_message_4412399`, 'Autofahrer', '2026-11-30T08:02:00.000Z'],
      ['comment', `${url}#bb_message_4412401`, 'Erika M.', '2026-11-30T09:30:00.000Z'],
    ]);
  });
  it('reads a comment’s text without its replies and without "Antworten"/"Melden"', () => {
    expect(page.items[1]?.text).toBe('Endlich! Der Radweg am Rathaus war lange überfällig.');
    expect(page.items[1]?.authorUrl).toBe('https://taz.de/!ku100001/');
  });
});
