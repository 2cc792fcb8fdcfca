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

/**
 * Words for a political party's members or for the party itself when written alone
 * ("Democrats said", "Republican leaders", "the GOP"), with the party's name: the party
 * is the actor they stand for, as a demonym stands for its country. Lower case.
 */
export const PARTY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['democrat', 'Democratic Party'],
  ['democrats', 'Democratic Party'],
  ['democratic', 'Democratic Party'],
  ['republican', 'Republican Party'],
  ['republicans', 'Republican Party'],
  ['gop', 'Republican Party'],
  ['conservative', 'Conservative Party'],
  ['conservatives', 'Conservative Party'],
  ['tory', 'Conservative Party'],
  ['tories', 'Conservative Party'],
  ['labour', 'Labour Party'],
  ['liberal', 'Liberal Party'],
  ['liberals', 'Liberal Party'],
  ['socialist', 'Socialist Party'],
  ['socialists', 'Socialist Party'],
  ['communist', 'Communist Party'],
  ['communists', 'Communist Party'],
];

/** `PARTY_WORDS` as a look-up: word → the party's name. */
export const PARTY_OF: ReadonlyMap<string, string> = new Map(PARTY_WORDS);
