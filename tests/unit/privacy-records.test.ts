// The generated VVT / DSFA / Art. 14 texts: every value from the settings, nothing claimed that was not set, every
// text key present in both locales (read from the real _locales files, with Chrome's placeholder rules).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPapers, type Msg, papersToText, type RecordsInput } from '../../utils/privacy/records';
import { DEFAULT_OFFICE_HOURS } from '../../utils/settings';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function localeMsg(lang: 'de' | 'en'): Msg {
  const file = join(import.meta.dirname, '..', '..', 'public', '_locales', lang, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) throw new Error(`missing ${lang} key ${key}`);
    const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name]?.content ?? entry.placeholders?.[name.toUpperCase()]?.content;
      if (content === undefined) throw new Error(`${key}: unknown placeholder ${name}`);
      return content;
    });
    const needed = new Set([...named.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
    for (const n of needed) if (subs[n - 1] === undefined) throw new Error(`${key}: no value for $${n}`);
    return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

const BASE: RecordsInput = {
  lang: 'de',
  municipality: 'Bad Kissingen',
  topics: ['Baustelle/Verkehr', 'Unwetter/Hochwasser'],
  authorMode: 'pseudonym',
  retentionDays: 90,
  sites: [
    { label: 'Facebook', mode: 'log' },
    { label: 'Instagram', mode: 'log' },
    { label: 'X', mode: 'observe' },
    { label: 'www.lokalzeitung.de', mode: 'off' },
  ],
  officeHours: DEFAULT_OFFICE_HOURS,
};

const text = (input: Partial<RecordsInput>, lang: 'de' | 'en' = 'de') =>
  papersToText(buildPapers({ ...BASE, lang, ...input }, localeMsg(lang)));

describe('privacy paperwork', () => {
  it('has the three papers with Art. 30(1)(a–g) and Art. 35(7)(a–d) in order', () => {
    const papers = buildPapers(BASE, localeMsg('de'));
    expect(papers.map((p) => p.id)).toEqual(['vvt', 'dsfa', 'art14']);
    const vvt = papers[0]?.sections.map((s) => s.heading?.slice(0, 2));
    expect(vvt).toEqual(['Be', 'a)', 'b)', 'c)', 'd)', 'e)', 'f)', 'g)']);
    const dsfa = papers[1]?.sections.map((s) => s.heading?.slice(0, 2)).filter(Boolean);
    expect(dsfa).toEqual(['a)', 'b)', 'c)', 'd)']);
  });

  it('takes the retention period from the settings', () => {
    const t90 = text({ retentionDays: 90 });
    const t30 = text({ retentionDays: 30 });
    expect(t90).toContain('90 Tage nach dem letzten Sehen');
    expect(t30).toContain('30 Tage nach dem letzten Sehen');
    expect(t30).toContain('Wir löschen jeden Eintrag 30 Tage');
    expect(t30).not.toContain('90');
  });

  it('names the team server as the recipient only while team sync is on', () => {
    const alone = text({});
    expect(alone).toContain('sendet nichts ins Internet');
    expect(alone).not.toContain('Teamserver');
    const team = text({ teamServer: 'couchdb.musterstadt.de' });
    expect(team).toContain('Der Teamserver der Kommune (couchdb.musterstadt.de');
    expect(team).not.toContain('sendet nichts ins Internet');
    expect(team).toContain('auf einem Server, den die Kommune selbst betreibt');
    expect(text({ teamServer: 'couchdb.musterstadt.de' }, 'en')).toContain("The municipality's team server");
  });

  it('describes exactly the author mode that is set', () => {
    const pseudo = text({ authorMode: 'pseudonym' });
    expect(pseudo).toContain('nur als Pseudonym');
    expect(pseudo).not.toContain('im Klartext');
    const plain = text({ authorMode: 'plain' });
    expect(plain).toContain('im Klartext');
    expect(plain).not.toContain('nur als Pseudonym');
    const none = text({ authorMode: 'none' });
    expect(none).toContain('Keine Angaben zur Autorin oder zum Autor');
    expect(none).not.toContain('Pseudonym („Person');
  });

  it('names the sites by mode, and says so when nothing is logged', () => {
    const t = text({});
    expect(t).toContain('Markiert und protokolliert wird auf: Facebook und Instagram.');
    expect(t).toContain('Nur markiert, nie gespeichert wird auf: X.');
    expect(t).toContain('Ausgeschaltet (Lauscher liest dort nicht mit): www.lokalzeitung.de.');
    const none = text({ sites: BASE.sites.map((s) => ({ ...s, mode: s.mode === 'log' ? 'observe' : s.mode })) });
    expect(none).toContain('Auf keiner Website wird derzeit ein Protokoll geführt');
    expect(none).toContain('Derzeit speichern wir keine Beiträge');
    expect(none).not.toContain('Wir löschen jeden Eintrag');
  });

  it('never claims a municipality or office hours nobody set', () => {
    const t = text({ municipality: undefined });
    expect(t).toContain('[Name der Kommune – in Lauscher noch nicht eingestellt]');
    expect(t).not.toContain('Musterstadt');
    expect(t).toContain('Servicezeiten sind nicht eingestellt');
    const hours = text({ officeHours: { enabled: true, days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' } });
    expect(hours).toContain('Servicezeiten: Montag, Dienstag, Mittwoch, Donnerstag und Freitag, 08:00 bis 16:00 Uhr');
    expect(t).toContain('Eingestellte Themen: Baustelle/Verkehr und Unwetter/Hochwasser.');
    expect(text({ topics: [] })).toContain('Es sind keine Themen eingestellt');
  });

  it('has an English rendering with the same values', () => {
    const en = text({ retentionDays: 45 }, 'en');
    expect(en).toContain('Record of processing activities (Art. 30(1) GDPR)');
    expect(en).toContain('45 days after it was last seen');
    expect(en).toContain('Highlighted and logged on: Facebook and Instagram.');
    expect(en).not.toMatch(/[äöüß]/);
  });

  it('writes plain text with CRLF line ends and no unfilled placeholders', () => {
    const t = text({});
    expect(t).toContain('\r\n');
    expect(t).not.toMatch(/\$\w/);
    expect(t.startsWith('Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO)\r\n====')).toBe(true);
  });
});
