/**
 * Bodies and seats of government that news names alone as actors ("the Pentagon said", "the
 * Senate voted", "the Kremlin denied"): each is an organisation when it is the whole name.
 * Lower case, words separated by one space.
 */
export const INSTITUTIONS: readonly string[] = [
  'white house',
  'pentagon',
  'kremlin',
  'vatican',
  'holy see',
  'downing street',
  'elysee',
  'élysée',
  'senate',
  'house',
  'congress',
  'parliament',
  'cabinet',
  'army',
  'navy',
  'air force',
  'armed forces',
  'general staff',
  'treasury',
  'politburo',
  'duma',
  'knesset',
  'bundestag',
  'supreme court',
];
