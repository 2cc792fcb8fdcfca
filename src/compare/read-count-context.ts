import type { Mention, Quantity } from '../model/annotations.js';
import { wordConcepts } from './to-concepts.js';

/**
 * What a careful reader looks at, besides the counted noun, before taking two numbers for one
 * count: whether the number is a count at all, whose age it is, the words that pick out a
 * part of a series ("the next 23 games", "the last 10"), the word that governs the number
 * ("won 40 games", "received 235,000 comments") and the preposition that ties the counted
 * phrase to something else ("seasons as director" / "seasons with the club", "miles off the
 * coast" / "miles from the ship").
 */
export interface CountContext {
  /** `count`; `age` ("Name, 40", "a 61-year-old man"); `other` for a decade, a decimal written without its 0 (".358"), a tally or score ("a 38-44 mark", "(9-14)"). */
  role: 'count' | 'age' | 'other';
  /** Whose number it is, when the text names them right before it: an age's person ("Banky, 40"), a bracketed figure's name ("Palin (12 percent)"); the entity key, else the lower-case name; for "a 15-year-old son" `~` and the noun's concept (a kind of person, not one person). */
  owner: string | null;
  /** Series words before the number or inside the counted phrase ("next", "last", "first", "other", …), sorted and joined. */
  series: string;
  /** The concept of the content word right before the number ("won", "received"), or null (a preposition, punctuation, a name). */
  governor: string | null;
  /** Where that word starts in the article, or -1. */
  governorAt: number;
  /** The preposition or direction word right after the counted phrase ("as", "with", "off", "from", "away"), or null. */
  link: string | null;
  /** True for a member of a coordination of counts ("12 Somali and 11 Yemeni", "two killed and three hurt"): a part of some whole. */
  part: boolean;
  /**
   * What narrows the counted noun to one kind of it, sorted and joined: -ing words and hyphenated
   * compounds between the number and the head noun ("440 [receiving] yards", "two [rushing]
   * touchdowns", "[punt-return] yards"), an -ing word right
   * after it ("404 yards [rushing]"), and the content words of an "on …" phrase after it ("three
   * touchdowns on [punt returns]"). Empty when nothing narrows it.
   */
  modifier: string;
}

const NUMBER_WORD =
  '(?:\\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\\b)';
// After a count's phrase: ", and 11 …", " or two …", " plus 3 …".
const PART_AFTER = new RegExp(
  `^\\s*(?:,|,?\\s+(?:and|or|plus))\\s+(?:about\\s+|some\\s+|nearly\\s+|another\\s+)?${NUMBER_WORD}`,
  'i',
);
// Before a count: "12 Somali and [11]", "two killed, [three] …" (a few words back, within the sentence).
const PART_BEFORE = new RegExp(
  `${NUMBER_WORD}[\\d,]*\\s+(?:[\\p{L}'’-]+\\s+){0,3}?[\\p{L}'’-]+\\s*(?:,|,?\\s+(?:and|or|plus))\\s+$`,
  'iu',
);

// General English words that pick one stretch of a series out of a whole: "the next 23 games", "the last
// 10", "the first 11 seasons", "another 200 troops", "12 new cases". Two counts differing in them are two
// counts.
const SERIES =
  /^(?:first|last|next|previous|past|final|other|another|additional|further|more|remaining|straight|consecutive|initial|latest|new|extra|fewer|early|earlier|later|former|recent|opening|closing)$/i;
// Words that may stand between the governing word and the number ("won [the] 40 games", "hit [his] 13").
const DETERMINER =
  /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some|all|only|just|almost|nearly|about|around|roughly|approximately|over|under|least|most)$/i;
// Words that do not govern a count: prepositions, conjunctions, pronouns, auxiliaries.
const NOT_GOVERNOR =
  /^(?:of|in|on|at|to|for|from|with|by|as|into|than|and|or|but|nor|between|among|after|before|during|since|until|over|under|about|against|through|out|up|down|off|per|via|within|without|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|must|should|shall|it|he|she|they|we|you|i|who|which|that|what|when|where|while|some|all|each|every|no|not)$/i;
// What ties a counted phrase to something else ("seasons [as] director", "miles [off] Aden", "miles [away]").
const LINK =
  /^(?:as|with|for|from|off|at|on|in|against|over|under|since|during|per|behind|ahead|above|below|before|after|by|into|toward|towards|away|east|west|north|south|apart|short|inside|outside|across|along|around|beyond)$/i;
// The nouns a tally or score stands before ("a 162-139 mark", "an 88-72 loss", "an 18-30 start").
const TALLY_NOUN =
  /^(?:mark|record|start|finish|loss|losses|win|wins|victory|victories|defeat|defeats|lead|score|tie|draw|vote|votes|decision|count|run|season|streak|stretch)$/i;

/** The offset of the first digit or number word of a quantity (past its qualifier). */
function numeralStart(text: string, q: Quantity): number {
  const m = /\d/.exec(text.slice(q.start, q.end));
  return m ? q.start + m.index : q.start;
}

/**
 * True when the quantity is not an amount of things: a decade, a decimal written as ".358", a tally
 * or score, a poll's margin of error.
 */
export function isNotCount(text: string, q: Quantity): boolean {
  const at = numeralStart(text, q);
  const after = text.slice(q.end, q.end + 3);
  // "Week 11", "Channel 16", "Game 7": a bare number right after a capitalised noun is a label.
  const label = /(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at));
  if (label && q.counted === null && q.unit === null && wordConcepts(label[1]!).length > 0) return true;
  // "the 1950s", "the '90s", "1990's": a decade.
  if (/^['’]?s\b/.test(after) && q.value % 10 === 0) return true;
  // ".358", "hit .300": a decimal without its leading 0 is an average or rate, read by the annotator as 358.
  if (text[at - 1] === '.' && !/\d/.test(text[at - 2] ?? '')) return true;
  // "a margin of error of plus or minus 4 points", "margin of sampling error ±3": a poll's
  // tolerance belongs to that poll, and two polls' margins are not two reports of one figure.
  if (
    /\bmargin\s+of\s+(?:sampling\s+)?error\b[^.;!?]{0,40}$|\bplus\s+or\s+minus\s*$|±\s*$/i.test(
      text.slice(Math.max(0, at - 70), at),
    )
  )
    return true;
  // "tied at 12 - 12": two equal figures joined by a dash are a tie, never a range of a count.
  if (q.qualifier === 'range' && q.upper === q.value) return true;
  // "162-139", "(9-14)", "38-44 mark", "88-72 loss": two figures joined tight by a dash are a tally,
  // unless they count something that is not a result ("10-20 people" is a range).
  if (q.qualifier === 'range' && /^\d[\d,]*[-–]\d[\d,]*$/.test(q.text.trim())) {
    const next = /^\s*([\p{L}]+)/u.exec(text.slice(q.end, q.end + 30))?.[1];
    if (q.counted === null || next === undefined || TALLY_NOUN.test(next)) return true;
  }
  return false;
}

/** The mention that ends at `end` (after trailing spaces), or null. */
function mentionEndingAt(mentions: Mention[], end: number): Mention | null {
  return mentions.find((m) => m.end === end) ?? null;
}

/**
 * An age: "Benjamin Banky, 40," (a bare number set off by commas right after a name) or "a 61-year-old
 * man", "aged 85". Its owner is the name before the apposition, or the name right after "N-year-old"
 * ("their 8-year-old son, Oscar"), else null.
 */
function readAge(text: string, q: Quantity, mentions: Mention[]): { age: boolean; owner: string | null } {
  const before = text.slice(Math.max(0, q.start - 60), q.start);
  const after = text.slice(q.end, q.end + 60);
  const apposition = /(\p{Lu}[\p{L}'’.-]*)\s*,\s*$/u.exec(before);
  if (apposition && q.counted === null && q.qualifier === 'exact' && /^\s*(?:[,.;:)]|$)/.test(after)) {
    const nameEnd = q.start - before.length + apposition.index + apposition[1]!.length;
    const mention = mentionEndingAt(mentions, nameEnd);
    return { age: true, owner: mention?.key ?? apposition[1]!.toLowerCase() };
  }
  // "40-year-old", "40 year old", and "40 - year - old" as pre-tokenised text writes it.
  if (/^\s*[-\s]\s*years?\s*[-\s]\s*old\b/i.test(after)) {
    const sentenceEnd = /[.!?]/.exec(after)?.index ?? after.length;
    const next = mentions.find(
      (m) => m.type === 'person' && m.start >= q.end && m.start < q.end + Math.min(sentenceEnd, 40),
    );
    // Else the noun it describes: "an 11-year-old daughter and a 15-year-old son" are two people.
    const noun = /^\s*[-\s]\s*years?\s*[-\s]\s*old\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}(\p{Ll}+)/u.exec(
      after,
    )?.[1];
    return {
      age: true,
      owner: next?.key ?? (noun !== undefined ? `~${wordConcepts(noun)[0] ?? noun}` : null),
    };
  }
  if (/\b(?:aged|age)\s*$/i.test(before)) return { age: true, owner: null };
  // "Palin (12 percent)", "Smith (at 20 percent)": a figure in brackets right after a name is that name's.
  const bracket = /(\p{Lu}[\p{L}'’.-]*)\s*\(\s*(?:\p{Ll}+\s+)?$/u.exec(before);
  if (bracket) {
    const nameEnd = q.start - before.length + bracket.index + bracket[1]!.length;
    return { age: false, owner: mentionEndingAt(mentions, nameEnd)?.key ?? bracket[1]!.toLowerCase() };
  }
  return { age: false, owner: null };
}

/** The words of a span. */
const words = (s: string): string[] => s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];

/**
 * The words that narrow a counted noun to one kind of it (see `CountContext.modifier`): an -ing word
 * or a lower-case hyphenated compound between the number and the head noun ("receiving",
 * "punt-return"; not other adjectives: "19 independent steps" and "23 executive actions" may be one
 * count, chosen on BASIL S15), an -ing word right after the noun,
 * and up to two content words of an "on …" phrase after it, within the clause.
 */
export function readModifier(text: string, q: Quantity, nounEnd: number): string {
  const out = new Set<string>();
  if (q.counted) {
    const inside = words(text.slice(q.end, nounEnd));
    for (const w of inside.slice(0, -1))
      if (/^\p{Ll}+(?:ing|-\p{Ll}+)$/u.test(w) && !SERIES.test(w) && !NOT_GOVERNOR.test(w)) out.add(w);
  }
  const after = words((text.slice(nounEnd, nounEnd + 40).split(/[,;:.()"“”]/)[0] ?? '').trim());
  if (after[0] !== undefined && /^\p{Ll}+ing$/u.test(after[0]) && after[0] !== 'during') out.add(after[0]);
  else if (after[0]?.toLowerCase() === 'on')
    for (const w of after
      .slice(1)
      .filter((x) => !DETERMINER.test(x) && !NOT_GOVERNOR.test(x))
      .slice(0, 2))
      out.add(w.toLowerCase());
  return [...out].sort().join(' ');
}

export function readCountContext(
  text: string,
  q: Quantity,
  nounEnd: number,
  mentions: Mention[],
): CountContext {
  const age = readAge(text, q, mentions);
  const role = isNotCount(text, q) ? 'other' : age.age ? 'age' : 'count';
  // Up to three words back from the number, past determiners: series words and the governing word.
  const from = Math.max(0, q.start - 60);
  const window = text.slice(from, q.start);
  const cut = Math.max(...[',', ';', ':', '(', ')', '"', '“', '”'].map((c) => window.lastIndexOf(c))) + 1;
  const back = [...window.slice(cut).matchAll(/[\p{L}][\p{L}'’-]*/gu)];
  const series = new Set<string>();
  let governor: string | null = null;
  let governorAt = -1;
  for (let i = back.length - 1; i >= 0 && i >= back.length - 4; i--) {
    const w = back[i]![0];
    if (SERIES.test(w)) series.add(w.toLowerCase());
    else if (DETERMINER.test(w)) continue;
    else {
      // "52 catches for 440 yards", "rushed for 404 yards": the number hangs on the word before "for".
      const on = /^for$/i.test(w) && i > 0 && i === back.length - 1 ? back[i - 1]! : back[i]!;
      if (/^\p{Ll}/u.test(on[0]) && !NOT_GOVERNOR.test(on[0])) {
        governor = wordConcepts(on[0])[0] ?? null;
        governorAt = from + cut + on.index;
      }
      break;
    }
  }
  if (q.counted)
    for (const w of words(text.slice(q.counted.start, nounEnd)))
      if (SERIES.test(w)) series.add(w.toLowerCase());
  const next = words(text.slice(nounEnd, nounEnd + 30).split(/[,;:.()"“”]/)[0] ?? '')[0];
  const link = next !== undefined && LINK.test(next) ? next.toLowerCase() : null;
  const phraseEnd = q.counted?.end ?? q.end;
  const part =
    PART_AFTER.test(text.slice(phraseEnd, phraseEnd + 40)) ||
    PART_BEFORE.test(
      text
        .slice(Math.max(0, q.start - 60), q.start)
        .split(/[.;:!?()]/)
        .pop() ?? '',
    );
  return {
    role,
    owner: age.owner,
    series: [...series].sort().join(' '),
    governor,
    governorAt,
    link,
    part,
    modifier: readModifier(text, q, nounEnd),
  };
}
