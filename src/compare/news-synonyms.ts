import { stemWord } from './stem-word.js';

/**
 * General news vocabulary that reporters use interchangeably for one idea. Each group
 * maps to its first word, so paraphrases ("regained" / "retaken" / "reclaimed") align.
 * Only everyday wire-copy vocabulary belongs here, never words of one particular story.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['regain', 'retake', 'reclaim', 'recapture', 'recover', 'liberate', 'reconquer'],
  ['capture', 'seize', 'take', 'occupy', 'overrun', 'conquer'],
  ['say', 'state', 'tell', 'declare', 'announce', 'assert', 'claim', 'proclaim', 'report', 'note', 'add'],
  ['deny', 'reject', 'dispute', 'dismiss', 'refute', 'contest', 'rebuff', 'oppose', 'repudiate'],
  ['troop', 'soldier', 'personnel', 'servicemen', 'serviceman', 'force', 'fighter', 'army'],
  ['kill', 'dead', 'death', 'die', 'slay', 'fatality'],
  ['injure', 'wound', 'hurt', 'injury'],
  ['concede', 'concession', 'compromise', 'yield', 'cede', 'surrender', 'give up'],
  ['territory', 'territorial', 'land'],
  ['attack', 'strike', 'assault', 'raid', 'bombardment', 'shelling'],
  ['drone', 'uav'],
  ['meeting', 'meet', 'conference', 'talk', 'summit', 'dialogue'],
  ['village', 'town', 'settlement', 'hamlet', 'locality'],
  ['fail', 'failure', 'unsuccessful', 'flop', 'fiasco'],
  ['ceasefire', 'truce', 'armistice'],
  ['agreement', 'deal', 'accord', 'pact', 'treaty'],
  ['negotiation', 'negotiate'],
  ['fight', 'fighting', 'battle', 'combat', 'clash', 'skirmish', 'hostility'],
  ['advance', 'gain', 'progress', 'push'],
  ['incursion', 'invasion', 'offensive', 'counteroffensive', 'invade', 'counter-offensive'],
  ['full', 'complete', 'total', 'entire', 'whole', 'fully', 'completely', 'totally', 'entirely'],
  ['praise', 'commend', 'laud', 'hail', 'credit'],
  [
    'acknowledge',
    'admit',
    'recognise',
    'recognize',
    'recognition',
    'acknowledgment',
    'acknowledgement',
    'admission',
  ],
  ['help', 'assist', 'aid', 'assistance', 'contribution', 'contribute'],
  ['expel', 'oust', 'evict', 'eject'],
  ['large', 'big', 'huge', 'massive', 'substantial', 'considerable', 'significant'],
  ['chief', 'head', 'leader', 'commander'],
  ['casualty', 'loss'],
  ['continue', 'ongoing', 'persist'],
  ['operation', 'operate', 'operational'],
  ['buy', 'purchase', 'acquire'],
  ['rise', 'increase', 'grow', 'climb', 'surge', 'jump'],
  ['fall', 'decrease', 'drop', 'decline', 'plunge', 'slump'],
  ['arrest', 'detain', 'apprehend'],
  ['resign', 'quit', 'step down'],
  ['election', 'vote', 'poll', 'ballot'],
  ['law', 'legislation', 'bill', 'act'],
  ['company', 'firm', 'business', 'corporation'],
  ['official', 'authority'],
  ['difficult', 'challenging', 'hard', 'tough'],
];

function buildConceptMap(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const head = stemWord(group[0]!);
    for (const word of group) if (!word.includes(' ')) map.set(stemWord(word), head);
  }
  return map;
}

const CONCEPTS = buildConceptMap();

/** The concept a stem stands for: its synonym group's head, or the stem itself. */
export function conceptOf(stem: string): string {
  return CONCEPTS.get(stem) ?? stem;
}
