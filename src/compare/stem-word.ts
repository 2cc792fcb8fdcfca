/**
 * A light suffix stripper for English news prose. It only has to make inflections of one
 * word meet ("regained", "regains", "regaining" → "regain"), never to be a full lemmatiser.
 */

// Irregular forms common in news reports, mapped to the base form the rules would give.
const IRREGULAR: Readonly<Record<string, string>> = {
  took: 'take',
  taken: 'take',
  retook: 'retake',
  retaken: 'retake',
  said: 'say',
  says: 'say',
  held: 'hold',
  won: 'win',
  lost: 'lose',
  made: 'make',
  fought: 'fight',
  told: 'tell',
  gave: 'give',
  given: 'give',
  began: 'begin',
  begun: 'begin',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  met: 'meet',
  led: 'lead',
  left: 'leave',
  sent: 'send',
  spoke: 'speak',
  spoken: 'speak',
  wrote: 'write',
  written: 'write',
  struck: 'strike',
  hit: 'hit',
  fell: 'fall',
  fallen: 'fall',
  rose: 'rise',
  risen: 'rise',
  drove: 'drive',
  driven: 'drive',
  knew: 'know',
  known: 'know',
  thought: 'think',
  brought: 'bring',
  bought: 'buy',
  caught: 'catch',
  kept: 'keep',
  men: 'man',
  women: 'woman',
  children: 'child',
  people: 'person',
  died: 'die',
  dying: 'die',
};

/** The stem of one lower-case word. */
export function stemWord(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return trimE(irregular);
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  else if (/(?:ss|x|z|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  return trimE(s);
}

function undouble(s: string): string {
  return /([bdfgmnprt])\1$/.test(s) ? s.slice(0, -1) : s;
}

function trimE(s: string): string {
  return s.length > 3 && s.endsWith('e') ? s.slice(0, -1) : s;
}
