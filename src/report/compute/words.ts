/**
 * Most frequent words of free-text comments, with Spanish and English stop-words removed.
 */

/** Common Spanish and English words that say nothing about what customers complain about. */
const STOP_WORDS = new Set(
  [
    // Spanish
    'a al algo algun alguna algunas alguno algunos ante antes aqui asi aun aunque bajo bien cada casi como',
    'con contra cual cuales cuando de del desde donde dos el ella ellas ello ellos en entre era eran es esa',
    'esas ese eso esos esta estaba estaban estado estan estar este esto estos fue fueron ha habia han hasta',
    'hay he la las le les lo los mas me mi mis mucho muchos muy nada ni no nos nosotros nuestra nuestro o',
    'otra otras otro otros para pero poco por porque que quien se sea ser si sido sin sobre solo son su sus',
    'tambien tan tanto te tenia tiene tienen todo todos tu tus un una uno unos usted ustedes va vez y ya yo',
    'he ha hemos habeis lo le les me mi muy mas',
    // English
    'a about after again all also am an and any are as at be been before being but by can could did do does',
    'doing done for from had has have having he her here him his how i if in into is it its just me more most',
    'my no nor not of off on once only or other our out over own same she should so some such than that the',
    'their them then there these they this those through to too under until up very was we were what when',
    'where which while who why will with would you your yours',
  ]
    .join(' ')
    .split(' '),
);

/** Lower case without accents (so "envío" and "envio" count as one word). */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The `limit` most frequent words of `texts`, words of 3+ letters, stop-words removed, counted once
 * per comment; ties by word. Each word is shown in its most frequent spelling.
 *
 * @example frequentWords(['El envío llegó tarde', 'Envio tarde otra vez'], 2)
 * // [{ word: 'envío', mentions: 2 }, { word: 'tarde', mentions: 2 }]
 */
export function frequentWords(texts: readonly string[], limit: number): { word: string; mentions: number }[] {
  const counts = new Map<string, { mentions: number; spellings: Map<string, number> }>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
      const word = raw.replace(/['’-]+$/, '');
      const key = fold(word);
      if (key.length < 3 || STOP_WORDS.has(key) || seen.has(key)) continue;
      seen.add(key);
      let entry = counts.get(key);
      if (!entry) counts.set(key, (entry = { mentions: 0, spellings: new Map() }));
      entry.mentions++;
      entry.spellings.set(word, (entry.spellings.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([key, entry]) => {
      const spelling = [...entry.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0][0];
      return { key, word: spelling, mentions: entry.mentions };
    })
    .sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit)
    .map(({ word, mentions }) => ({ word, mentions }));
}
