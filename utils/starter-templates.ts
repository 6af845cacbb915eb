// The starter set of reply templates a new team begins with: one reply per situation the study names, each worded
// for "Sie" and for "Du". Short, friendly, no bureaucratese; the team edits and approves them in the options.
import type { Formality, ReplyTemplate } from './settings';

interface Starter {
  id: string;
  title: string;
  topicIds: string[];
  sie: string;
  du: string;
}

const STARTERS: Starter[] = [
  {
    id: 'danke',
    title: 'Danke für den Hinweis',
    topicIds: [],
    sie: '{{anrede}}\nvielen Dank für Ihren Hinweis! Wir haben ihn an die zuständigen Kolleginnen und Kollegen weitergegeben.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\nvielen Dank für deinen Hinweis! Wir haben ihn an die zuständigen Kolleginnen und Kollegen weitergegeben.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'weitergeleitet',
    title: 'An das zuständige Amt weitergeleitet',
    topicIds: [],
    sie: '{{anrede}}\ndanke für Ihre Nachricht. Wir haben Ihr Anliegen an das zuständige Amt weitergeleitet. Die Kolleginnen und Kollegen dort kümmern sich darum und melden sich, sobald es Neuigkeiten gibt.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke für deine Nachricht. Wir haben dein Anliegen an das zuständige Amt weitergeleitet. Die Kolleginnen und Kollegen dort kümmern sich darum und melden sich, sobald es Neuigkeiten gibt.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'baustelle',
    title: 'Baustelle: Infos und Umleitung',
    topicIds: ['bau'],
    sie: '{{anrede}}\ndanke für Ihre Nachfrage – und für Ihre Geduld. Alle aktuellen Baustellen, Sperrungen und Umleitungen in {{kommune}} finden Sie auf unserer Website. Bei Fragen zu einer bestimmten Baustelle erreichen Sie uns hier {{sprechzeiten}}.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke für deine Nachfrage – und für deine Geduld. Alle aktuellen Baustellen, Sperrungen und Umleitungen in {{kommune}} findest du auf unserer Website. Bei Fragen zu einer bestimmten Baustelle erreichst du uns hier {{sprechzeiten}}.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'unwetter',
    title: 'Unwetter/Krise: offizielle Warnungen',
    topicIds: ['unwetter'],
    sie: '{{anrede}}\nbitte verlassen Sie sich nur auf offizielle Warnungen: die Warn-App NINA, den Deutschen Wetterdienst (www.dwd.de) und die Meldungen der Feuerwehr. Wir informieren hier laufend über die Lage in {{kommune}}. Im Notfall wählen Sie die 112.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\nbitte verlass dich nur auf offizielle Warnungen: die Warn-App NINA, den Deutschen Wetterdienst (www.dwd.de) und die Meldungen der Feuerwehr. Wir informieren hier laufend über die Lage in {{kommune}}. Im Notfall wähl die 112.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'richtigstellung',
    title: 'Falschmeldung richtigstellen',
    topicIds: ['fakenews'],
    sie: '{{anrede}}\ndiese Information ist leider nicht richtig. Die geprüften Fakten haben wir auf unserer Website und hier auf unserer Seite veröffentlicht. Bitte teilen Sie nur Meldungen aus offiziellen Quellen – so verbreiten sich Gerüchte nicht weiter.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndiese Information ist leider nicht richtig. Die geprüften Fakten haben wir auf unserer Website und hier auf unserer Seite veröffentlicht. Bitte teile nur Meldungen aus offiziellen Quellen – so verbreiten sich Gerüchte nicht weiter.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'netiquette',
    title: 'Netiquette: sachlich bleiben',
    topicIds: [],
    sie: '{{anrede}}\nwir freuen uns über Ihre Meinung, auch über Kritik. Bitte bleiben Sie dabei sachlich und respektvoll. Beleidigende oder diskriminierende Beiträge blenden wir nach unserer Netiquette aus.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\nwir freuen uns über deine Meinung, auch über Kritik. Bitte bleib dabei sachlich und respektvoll. Beleidigende oder diskriminierende Beiträge blenden wir nach unserer Netiquette aus.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'antwortzeiten',
    title: 'Wann wir antworten',
    topicIds: [],
    sie: '{{anrede}}\ndanke für Ihre Nachricht. Diese Seite betreuen wir {{sprechzeiten}}. Außerhalb dieser Zeiten antworten wir am nächsten Werktag. Im Notfall wählen Sie bitte 110 oder 112.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke für deine Nachricht. Diese Seite betreuen wir {{sprechzeiten}}. Außerhalb dieser Zeiten antworten wir am nächsten Werktag. Im Notfall wähl bitte 110 oder 112.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'datenschutz',
    title: 'Keine persönlichen Daten öffentlich',
    topicIds: [],
    sie: '{{anrede}}\nbitte schreiben Sie persönliche Daten wie Adresse, Telefonnummer oder Aktenzeichen nicht öffentlich in die Kommentare. Schicken Sie uns dafür lieber eine Direktnachricht – dort können wir Ihr Anliegen vertraulich klären.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\nbitte schreib persönliche Daten wie Adresse, Telefonnummer oder Aktenzeichen nicht öffentlich in die Kommentare. Schick uns dafür lieber eine Direktnachricht – dort können wir dein Anliegen vertraulich klären.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'stellen',
    title: 'Stellenangebot und Ausbildung',
    topicIds: ['jobs'],
    sie: '{{anrede}}\nschön, dass Sie sich für eine Stelle bei uns interessieren! Alle offenen Stellen und Ausbildungsplätze mit Ansprechpersonen finden Sie auf unserer Website. Wir freuen uns auf Ihre Bewerbung.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\nschön, dass du dich für eine Stelle bei uns interessierst! Alle offenen Stellen und Ausbildungsplätze mit Ansprechpersonen findest du auf unserer Website. Wir freuen uns auf deine Bewerbung.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'veranstaltung',
    title: 'Veranstaltung: Infos',
    topicIds: [],
    sie: '{{anrede}}\ndanke für Ihr Interesse! Programm, Anfahrt und Hinweise zur Barrierefreiheit finden Sie im Veranstaltungskalender auf unserer Website. Wir freuen uns auf Ihren Besuch.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke für dein Interesse! Programm, Anfahrt und Hinweise zur Barrierefreiheit findest du im Veranstaltungskalender auf unserer Website. Wir freuen uns, wenn du vorbeikommst.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'beschwerde',
    title: 'Beschwerde angekommen',
    topicIds: [],
    sie: '{{anrede}}\ndanke, dass Sie uns das schreiben – Ihren Ärger verstehen wir. Wir haben Ihre Beschwerde an die zuständige Stelle gegeben und lassen sie prüfen. Sobald wir mehr wissen, melden wir uns hier.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke, dass du uns das schreibst – deinen Ärger verstehen wir. Wir haben deine Beschwerde an die zuständige Stelle gegeben und lassen sie prüfen. Sobald wir mehr wissen, melden wir uns hier.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'direktnachricht',
    title: 'Bitte per Direktnachricht',
    topicIds: [],
    sie: '{{anrede}}\ndamit wir Ihnen konkret helfen können, schreiben Sie uns bitte eine Direktnachricht mit den Einzelheiten. So bleiben Ihre Daten aus den öffentlichen Kommentaren heraus.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndamit wir dir konkret helfen können, schreib uns bitte eine Direktnachricht mit den Einzelheiten. So bleiben deine Daten aus den öffentlichen Kommentaren heraus.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'beteiligung',
    title: 'Beteiligung und Umfrage',
    topicIds: [],
    sie: '{{anrede}}\nIhre Meinung ist gefragt! Über den Link im Beitrag können Sie Ihre Ideen und Hinweise online einbringen. Alle Rückmeldungen fließen in die weitere Planung ein.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndeine Meinung ist gefragt! Über den Link im Beitrag kannst du deine Ideen und Hinweise online einbringen. Alle Rückmeldungen fließen in die weitere Planung ein.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'wir-pruefen',
    title: 'Wir prüfen und melden uns',
    topicIds: [],
    sie: '{{anrede}}\ndanke für Ihre Frage. Wir klären das gerade mit der Fachabteilung und melden uns hier wieder, sobald wir eine verlässliche Antwort haben.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke für deine Frage. Wir klären das gerade mit der Fachabteilung und melden uns hier wieder, sobald wir eine verlässliche Antwort haben.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'buergerservice',
    title: 'Bürgerservice und Behördennummer 115',
    topicIds: [],
    sie: '{{anrede}}\nfür Ihr Anliegen ist unser Bürgerservice die richtige Adresse. Sie erreichen ihn auch über die Behördennummer 115 (Mo–Fr 8–18 Uhr) – dort hilft man Ihnen bei allen Fragen zu Verwaltungsleistungen weiter.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\nfür dein Anliegen ist unser Bürgerservice die richtige Adresse. Du erreichst ihn auch über die Behördennummer 115 (Mo–Fr 8–18 Uhr) – dort hilft man dir bei allen Fragen zu Verwaltungsleistungen weiter.\nDein Rathaus {{kommune}}',
  },
  {
    id: 'glasfaser',
    title: 'Glasfaser und Breitband',
    topicIds: ['breitband'],
    sie: '{{anrede}}\ndanke für Ihre Frage zum Glasfaserausbau. Den aktuellen Stand für Ihr Gebiet finden Sie auf unserer Website. Störungen Ihres Anschlusses melden Sie bitte direkt bei Ihrem Anbieter – nur er kann sie beheben.\nIhr Rathaus {{kommune}}',
    du: '{{anrede}}\ndanke für deine Frage zum Glasfaserausbau. Den aktuellen Stand für dein Gebiet findest du auf unserer Website. Störungen deines Anschlusses meldest du bitte direkt bei deinem Anbieter – nur er kann sie beheben.\nDein Rathaus {{kommune}}',
  },
];

const variant = (s: Starter, formality: Formality): ReplyTemplate => ({
  id: `${s.id}-${formality}`,
  title: s.title,
  body: s[formality],
  topicIds: s.topicIds,
  formality,
  variantGroup: s.id,
  version: 1,
});

/** Sie first, then Du, reply by reply. */
export const STARTER_TEMPLATES: ReplyTemplate[] = STARTERS.flatMap((s) => [variant(s, 'sie'), variant(s, 'du')]);
