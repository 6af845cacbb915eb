// Seeded generator of the highlight bench page: a Facebook-like group feed (role=feed, aria-posinset posts, nested
// role=article comments, contenteditable reply boxes, several div layers, inline <a>/<b>, umlauts, emoji) with 300
// terms planted at known places, so the true number of matches is known without running any matcher.
//
// Planting: 1 municipality name + 299 topic terms (invented German compounds that never occur in the filler text).
// Each planted occurrence is a whole word, surrounded by spaces or punctuation; some sit inside <b> or <a>, some are
// split across an inline element ("Brücken<b>sanierung</b>"), as a match across inline elements must still count.

import { mulberry32 } from '../tests/seeded-random';
import type { Profile } from '../utils/settings';

export const MUNICIPALITY = 'Lindenbrück';

const HEADS = [
  'Brücken',
  'Kreisel',
  'Wasser',
  'Abwasser',
  'Straßen',
  'Gehweg',
  'Radweg',
  'Kita',
  'Schul',
  'Sporthallen',
  'Friedhofs',
  'Park',
  'Ampel',
  'Müll',
  'Grünschnitt',
  'Hochwasser',
  'Glasfaser',
  'Bürgerbüro',
  'Feuerwehr',
  'Spielplatz',
  'Freibad',
  'Markt',
  'Bahnhofs',
  'Gewerbe',
  'Wohnungs',
  'Baum',
  'Laternen',
  'Kanal',
  'Schöffen',
  'Gebühren',
];
const TAILS = [
  'sanierung',
  'planung',
  'gebührenbescheid',
  'sperrungsplan',
  'förderantrag',
  'ausschreibung',
  'satzungsänderung',
  'öffnungszeitenregel',
  'kostenübernahme',
  'mängelliste',
];
const FIRST = [
  'Sabine',
  'Thomas',
  'Jana',
  'Mehmet',
  'Ursula',
  'Klaus',
  'Anna',
  'Jörg',
  'Lea',
  'Björn',
  'Özlem',
  'Günther',
  'Heike',
  'Lukas',
  'Sophie',
  'Dieter',
  'Marie',
  'Felix',
  'Renate',
  'Paul',
  'Zoë',
  'Jürgen',
  'Elif',
  'Hannes',
];
const LAST = [
  'Kraus',
  'Berger',
  'Öztürk',
  'Schäfer',
  'Müller',
  'Weiß',
  'Hoffmann',
  'Schröder',
  'Köhler',
  'Wagner',
  'Becker',
  'Lange',
  'Fuchs',
  'Krüger',
  'Yılmaz',
  'Neumann',
  'Schmitt',
  'Vogel',
  'Hahn',
  'Jäger',
];
const OPENERS = [
  'Weiß jemand,',
  'Hallo zusammen,',
  'Kurze Frage an die Gruppe:',
  'Mal ehrlich,',
  'Moin!',
  'Guten Morgen,',
  'Ich muss das jetzt mal loswerden:',
  'Liebe Nachbarn,',
  'Achtung,',
  'Hat noch jemand gemerkt, dass',
  'Sorry, aber',
];
const MIDDLES = [
  'die Straße am Marktplatz seit Wochen gesperrt ist und keiner sagt warum',
  'der Bus um 7:15 Uhr schon wieder ausgefallen ist',
  'im Rathaus niemand ans Telefon geht, obwohl Sprechzeit ist',
  'die Müllabfuhr diese Woche einfach nicht gekommen ist',
  'unsere Kinder immer noch keinen Platz in der Kita bekommen haben',
  'die Ampel an der Schillerstraße nachts dauernd rot zeigt',
  'am Spielplatz hinter der Grundschule Glasscherben liegen',
  'das Freibad dieses Jahr erst im Juli öffnen soll',
  'die Gebühren für den Parkausweis schon wieder gestiegen sind',
  'es in der Nordstadt seit gestern kein warmes Wasser gibt',
  'der Gemeinderat am Donnerstag öffentlich tagt',
  'die Feuerwehr heute Nacht dreimal ausrücken musste',
  'überall Plakate für das Sommerfest am Stadtpark hängen',
  'man im Bürgerbüro online keinen Termin mehr bekommt',
  'der Radweg an der Bundesstraße endlich fertig ist',
  'die Bäume in der Lindenallee gefällt werden sollen',
  'ein Hund am Weiher ohne Leine Enten gejagt hat',
];
const CLOSERS = [
  'Das ärgert mich wirklich.',
  'Hat jemand Infos?',
  'Bitte teilen!',
  'Ich bin gespannt.',
  'Danke euch! 🙏',
  'Schönes Wochenende euch allen 😊',
  'Unfassbar 😡',
  'Was meint ihr?',
  'Bin ich die Einzige, die das stört?',
  'Gibt es dazu schon eine offizielle Aussage?',
  'Wäre schön, wenn sich mal jemand kümmert.',
  '🙄🙄🙄',
];
const REPLIES = [
  'Ja, habe ich auch gehört.',
  'Nee, bei uns ist alles normal.',
  'Ruf doch mal im Rathaus an.',
  'Stand letzte Woche in der Zeitung.',
  'Genau so ist es!',
  'Das wurde doch im Amtsblatt angekündigt.',
  'Kann ich bestätigen, seit Montag.',
  'Danke für die Info 👍',
  'Quelle?',
  'Frag mal beim Ordnungsamt nach.',
  'Wir waren gestern dort, alles ruhig.',
  'Haha, typisch 😂',
  'Mein Nachbar meint, das dauert noch.',
];
/** Sentences around a planted term: `@` is where it goes. */
const PLANT = [
  'Was ist eigentlich mit der @ los?',
  'Zur @ gibt es morgen eine Infoveranstaltung.',
  '@ – schon wieder!',
  'Hat jemand was über @ gehört?',
  'Die @ ist seit Monaten Thema.',
  'Ich warte immer noch auf die @, ehrlich.',
  'Laut Aushang kommt die @ im Herbst.',
  'Wer kümmert sich um @?',
  'Stichwort @: seid ihr informiert?',
];

export interface PlantedTerm {
  term: string;
  topicId: string;
}

export interface BenchFeed {
  profile: Profile;
  /** All 300 terms, the municipality first (for mark.js). */
  terms: string[];
  /** Full bench page (2,000 posts with comments). */
  html: string;
  /** The same page shell without posts. */
  emptyHtml: string;
  /** Planted matches in `html`. */
  planted: number;
  plantedByTerm: Record<string, number>;
  /** Posts/comments in `html`, and characters of text. */
  items: number;
  textChars: number;
  /** Extra posts (own seed) for appends and streaming, as HTML strings; planted counts beside them. */
  more(count: number, seed: number, firstPos: number): { posts: string[]; planted: number };
}

const SLOTS = ['amber', 'blue', 'green', 'pink', 'violet', 'teal', 'red', 'grey'] as const;
const TOPIC_LABELS = ['Bau', 'Wasser', 'Kita/Schule', 'Verkehr', 'Gebühren', 'Grün', 'Sicherheit', 'Verwaltung'];

function makeTerms(): PlantedTerm[] {
  const out: PlantedTerm[] = [{ term: MUNICIPALITY, topicId: 'municipality' }];
  let i = 0;
  for (const head of HEADS) {
    for (const tail of TAILS) {
      if (out.length >= 300) break;
      out.push({ term: head + tail, topicId: `t${i % SLOTS.length}` });
      i += 1;
    }
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function generateFeed({ posts = 2000, seed = 0x1ab5c4e5 } = {}): BenchFeed {
  const planted = makeTerms();
  const profile: Profile = {
    municipality: { name: MUNICIPALITY, aliases: [], caseSensitive: false },
    topics: SLOTS.map((color, n) => ({
      id: `t${n}`,
      label: TOPIC_LABELS[n] as string,
      color,
      terms: planted.filter((p) => p.topicId === `t${n}`).map((p) => p.term),
      exclude: [],
    })),
    templates: [],
    houseFormality: 'sie',
  };
  const plantedByTerm: Record<string, number> = Object.fromEntries(planted.map((p) => [p.term, 0]));

  function build(count: number, s: number, firstPos: number) {
    const rnd = mulberry32(s);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    let plantedHere = 0;
    let textChars = 0;
    let items = 0;

    /** One planted term as HTML: plain (70 %), in <b> (10 %), in <a> (10 %), split across <b> (10 %). */
    function term(): string {
      const p = pick(planted);
      plantedByTerm[p.term] = (plantedByTerm[p.term] ?? 0) + 1;
      plantedHere += 1;
      const r = rnd();
      if (r < 0.7) return esc(p.term);
      if (r < 0.8) return `<b>${esc(p.term)}</b>`;
      if (r < 0.9) return `<a href="https://www.facebook.com/hashtag/${encodeURIComponent(p.term)}">${esc(p.term)}</a>`;
      const cut = 3 + Math.floor(rnd() * (p.term.length - 5));
      return `${esc(p.term.slice(0, cut))}<b>${esc(p.term.slice(cut))}</b>`;
    }
    function sentence(): string {
      if (rnd() < 0.55) return pick(PLANT).replace('@', term());
      const plain = `${pick(OPENERS)} ${pick(MIDDLES)}. ${pick(CLOSERS)}`;
      return rnd() < 0.15 ? plain.replace(' ', ' <b>').replace('. ', '.</b> ') : plain;
    }
    function paragraph(n: number): string {
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(sentence());
      const html = parts.join(' ');
      textChars += html.replace(/<[^>]+>/g, '').length;
      return html;
    }
    const name = () => `${pick(FIRST)} ${pick(LAST)}`;
    const out: string[] = [];
    for (let n = 0; n < count; n++) {
      const pos = firstPos + n;
      const author = name();
      items += 1;
      const paras: string[] = [];
      const pcount = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < pcount; k++)
        paras.push(`<div dir="auto" class="p">${paragraph(2 + Math.floor(rnd() * 4))}</div>`);
      const comments: string[] = [];
      const ccount = Math.floor(rnd() * 4);
      for (let c = 0; c < ccount; c++) {
        items += 1;
        const who = name();
        const cid = pos * 10 + c;
        const text = rnd() < 0.5 ? `${pick(REPLIES)} ${paragraph(1)}` : paragraph(1 + Math.floor(rnd() * 2));
        comments.push(
          `<div class="c-wrap"><div role="article" aria-label="Kommentar von ${esc(who)}" class="comment">` +
            `<div class="who"><a href="https://www.facebook.com/p${cid}?comment_id=${cid}">${esc(who)}</a></div>` +
            `<div class="c-body"><div dir="auto"><span>${text}</span></div></div>` +
            `<div class="when"><a href="https://www.facebook.com/groups/bench/posts/${pos}/?comment_id=${cid}">${1 + (c % 9)} Std.</a></div>` +
            '</div></div>',
        );
      }
      out.push(
        `<div class="unit"><div aria-posinset="${pos}" aria-setsize="-1" class="post"><div class="inner">` +
          `<div data-ad-rendering-role="profile_name"><h3><a href="https://www.facebook.com/u${pos}">${esc(author)}</a></h3></div>` +
          `<div class="meta"><a href="https://www.facebook.com/groups/bench/posts/${pos}/">${1 + (pos % 23)} Std.</a></div>` +
          `<div data-ad-rendering-role="story_message" class="message"><div><div>${paras.join('')}</div></div></div>` +
          `<div class="comments">${comments.join('')}` +
          '<div contenteditable="true" role="textbox" aria-label="Schreibe einen Kommentar …" class="reply-box"></div>' +
          '</div></div></div></div>',
      );
    }
    return { posts: out, planted: plantedHere, textChars, items };
  }

  const main = build(posts, seed, 1);
  const shell = (body: string) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Nachbarschaftsgruppe | Facebook</title>
<style>
body { margin: 0; font: 15px/1.4 system-ui, Helvetica, Arial, sans-serif; background: #f0f2f5; color: #050505; }
header { background: #fff; border-bottom: 1px solid #ddd; padding: 10px 16px; font-weight: 700; color: #1877f2; font-size: 22px; }
[role=feed] { max-width: 640px; margin: 16px auto; }
.post { background: #fff; border-radius: 8px; box-shadow: 0 1px 2px rgba(0,0,0,.2); margin-bottom: 16px; padding: 12px 16px; }
.post h3 { margin: 0; font-size: 15px; } .post h3 a { color: #050505; text-decoration: none; }
.meta a, .when a { color: #65676b; font-size: 12px; text-decoration: none; }
.message .p { margin: 8px 0; }
.comment { background: #f0f2f5; border-radius: 16px; padding: 6px 12px; margin: 6px 0 6px 12px; }
.comment .who { font-weight: 600; font-size: 13px; } .comment .who a { color: #050505; text-decoration: none; }
.reply-box { border: 1px solid #ccd0d5; border-radius: 16px; padding: 6px 12px; min-height: 20px; background: #fff; }
.flag { outline: 1px solid transparent; }
</style></head>
<body><header>facebook</header><div role="main"><div role="feed" id="feed">${body}</div></div></body></html>`;
  const terms = planted.map((p) => p.term);
  return {
    profile,
    terms,
    html: shell(main.posts.join('\n')),
    emptyHtml: shell(''),
    planted: main.planted,
    plantedByTerm: { ...plantedByTerm },
    items: main.items,
    textChars: main.textChars,
    more: (count, s, firstPos) => {
      const r = build(count, s, firstPos);
      return { posts: r.posts, planted: r.planted };
    },
  };
}

/**
 * Two hostile posts in the feed's markup (issue 12): one repeating the town 3,000 times in one paragraph, one with
 * 200,000 characters of ordinary text in one paragraph (a few planted terms in it). `pos` numbers them.
 */
export function hostilePosts(pos = 9001): { town3000: string; text200k: string } {
  const post = (n: number, body: string) =>
    `<div class="unit"><div aria-posinset="${n}" aria-setsize="-1" class="post"><div class="inner">` +
    `<div data-ad-rendering-role="profile_name"><h3><a href="https://www.facebook.com/u${n}">Bench Hostile</a></h3></div>` +
    `<div class="meta"><a href="https://www.facebook.com/groups/bench/posts/${n}/">1 Std.</a></div>` +
    `<div data-ad-rendering-role="story_message" class="message"><div><div><div dir="auto" class="p">${body}</div></div></div></div>` +
    '</div></div></div>';
  const town = Array.from({ length: 3000 }, (_, i) => `${MUNICIPALITY}${i % 10 === 9 ? '.' : ''}`).join(' ');
  const rnd = mulberry32(0x200000);
  const words: string[] = [];
  let chars = 0;
  for (let i = 0; chars < 200_000; i++) {
    const w = i % 997 === 500 ? MUNICIPALITY : (OPENERS[Math.floor(rnd() * OPENERS.length)] as string);
    words.push(w);
    chars += w.length + 1;
  }
  return { town3000: post(pos, town), text200k: post(pos + 1, esc(words.join(' '))) };
}

/**
 * `count` made-up words, distinct from each other and from German text ("Qbauweg", "Qratpark", …): terms for big team
 * profiles (the profile bench, the compile tests). Up to 22,608 of them.
 */
export function madeUpWords(count: number): string[] {
  const syllables = ['bau', 'weg', 'rat', 'haus', 'park', 'platz', 'kehr', 'brü', 'cke', 'rung', 'kita', 'markt'];
  const out = new Set<string>();
  for (const a of syllables)
    for (const b of syllables)
      for (const c of ['', ...syllables])
        for (const d of c ? ['', ...syllables] : ['']) {
          if (out.size >= count) return [...out];
          out.add(`Q${a}${b}${c}${d}`);
        }
  return [...out];
}
