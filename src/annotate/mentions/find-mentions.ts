import type { Mention, MentionType } from '../../model/annotations.js';
import { keyFor } from './entity-key.js';
import {
  isCalendarWord,
  isCommonWord,
  isCommonWordForm,
  isFirstName,
  isLastName,
  isOrgWord,
  isPlaceWord,
  lexiconOrganization,
  lexiconPlace,
} from './lexicon-tags.js';
import {
  ACTOR_NOUN_SET,
  DOMAIN_WORDS,
  MAX_PLACE_WORDS,
  MODIFIER_WORDS,
  ORG_HEADS,
  STANDALONE_MODIFIERS,
  TITLE_PHRASES,
  TITLE_WORDS,
  lookupPlace,
  type PlaceMatch,
} from './lookup-words.js';
import { isCueVerbForm } from '../lexicon/cue-verbs.js';
import { INSTITUTIONS, PARTY_OF } from '../lexicon/institutions.js';
import { US_STATE_ABBREVIATIONS } from '../sentences/abbreviations.js';
import { joinMentionsInArticle } from './resolve-entity-keys.js';
import { hasNewline, tokenizeWords, type Token } from './tokenize-words.js';

/** Lower-case words allowed inside a name ("Bank of England", "Ludwig van Beethoven"). */
const CONNECTORS = new Set([
  'of',
  'for',
  'de',
  'del',
  'der',
  'van',
  'von',
  'da',
  'di',
  'al',
  'bin',
  'ibn',
  'le',
  'la',
  'du',
]);
/** Words that look capitalised at the start of a sentence but never start a name. */
const NEVER_NAMES = new Set(['i', 'mr', 'mrs', 'ms']);

/** A personal pronoun with a contracted verb, kept as one token ("I'm", "We've", "They’ll"). */
const PRONOUN_CONTRACTION = /^(?:i|we|you|they|he|she|it)['’](?:m|re|ve|d|ll|s)$/;
/**
 * Last words that make a capitalised phrase a place: words that end a place's name ("Marion
 * County", "Main Street") and never a person's.
 */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'region',
  'province',
  'oblast',
  'county',
  'district',
  'city',
  'state',
  'territory',
  'republic',
  'kingdom',
  'street',
  'square',
  'avenue',
  'road',
  'airport',
  'border',
  'peninsula',
  'sea',
  'ocean',
  'valley',
]);

interface Chunk {
  /** Token indices [from, to) of the whole chunk. */
  from: number;
  to: number;
}

/**
 * Finds people, organisations, places and other named things.
 *
 * Capitalised runs of words are the candidates; compromise's lexicon (looked up word
 * by word, which is fast) and the project's word lists type them. Titles and roles
 * before a name are kept apart in `role`, demonyms stand for their country, and a
 * surname is joined to the full name used elsewhere in the text. `words` is
 * `tokenizeWords(text)` when the caller already has it.
 */
export function findMentions(text: string, words?: Token[]): Mention[] {
  if (typeof text !== 'string') throw new TypeError('findMentions(text): text must be a string');
  const tokens = splitNameCompounds(words ?? tokenizeWords(text));
  const headline = markHeadlineTokens(text, tokens);
  const context: ScanContext = {
    tokens,
    headline,
    midSentence: capitalisedMidSentence(tokens, headline),
    lowerCase: null,
  };
  const chunks = findChunks(context);
  const consumed = new Set<number>();
  const drafts: { mention: Mention; from: number }[] = [];
  for (const chunk of chunks) {
    const mention = analyseChunk(text, tokens, chunk, consumed);
    if (mention) drafts.push({ mention, from: chunk.from });
  }
  const found = drafts
    .filter((d) => !(d.mention.demonym === true && consumed.has(d.from)))
    .map((d) => d.mention);
  const mentions = [...found, ...sentenceInitialSurnames(tokens, headline, found)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  return joinMentionsInArticle(mentions);
}

/** Auxiliaries that may follow a surname as a sentence's subject ("Field has …", "Price would …"). */
const AUXILIARIES: ReadonlySet<string> = new Set([
  'is',
  'was',
  'has',
  'had',
  'will',
  'would',
  'could',
  'can',
  'did',
  'does',
  'may',
  'might',
  'must',
  'should',
  'also',
]);

/**
 * Surnames that are also ordinary words ("Field", "Price", "Young") opening a sentence on their
 * own ("Field said …"), where a capitalised ordinary word is not taken as a name: a mention of a
 * person when the article names a person of two or more words with that surname. The caller
 * joins them to that person's key.
 */
function sentenceInitialSurnames(tokens: Token[], headline: Set<number>, mentions: Mention[]): Mention[] {
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const words = m.name.split(/\s+/).filter((w) => w.length > 1 && !w.endsWith('.'));
    if (words.length >= 2) surnames.add(words[words.length - 1]!.toLowerCase());
  }
  if (surnames.size === 0) return [];
  const taken = (t: Token): boolean => mentions.some((m) => m.start < t.end && t.start < m.end);
  const out: Mention[] = [];
  tokens.forEach((t, i) => {
    if (!t.initial || !t.upper || headline.has(i) || !surnames.has(t.lower)) return;
    // "Field said", "Field, who …, added": a verb of saying or a comma follows; not "Young people".
    const next = tokens[i + 1];
    if (!next || !(next.text === ',' || AUXILIARIES.has(next.lower) || isCueVerbForm(next.lower))) return;
    if (taken(t)) return;
    out.push({
      text: t.text,
      start: t.start,
      end: t.end,
      type: 'person',
      key: keyFor(t.text, 'person'),
      name: t.text,
      role: null,
    });
  });
  return out;
}

/**
 * Title-case lines (headlines) capitalise every word; inside them only words the
 * lexicon does not know as ordinary vocabulary can start or continue a name.
 */
function markHeadlineTokens(text: string, tokens: Token[]): Set<number> {
  const result = new Set<number>();
  let lineStart = 0;
  const flush = (end: number): void => {
    const words: number[] = [];
    for (let i = lineStart; i < end; i++) if (isWord(tokens[i]!)) words.push(i);
    const long = words.filter((i) => tokens[i]!.text.length > 3);
    const capitalised = long.filter((i) => tokens[i]!.upper).length;
    // Running text ends in a full stop; a headline rarely does.
    const endsSentence = end > lineStart && tokens[end - 1]!.text === '.';
    if (!endsSentence && long.length >= 3 && capitalised / long.length >= 0.75)
      for (const i of words) result.add(i);
  };
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || hasNewline(text, tokens[i - 1]!.end, tokens[i]!.start)) {
      flush(i);
      lineStart = i;
    }
  }
  return result;
}

function isKnownName(lower: string): boolean {
  return (
    lookupPlace([lower]) !== undefined ||
    isFirstName(lower) ||
    isLastName(lower) ||
    lexiconPlace(lower) ||
    lexiconOrganization(lower) ||
    TITLE_PHRASES.has(lower)
  );
}

/** Starts with a letter; ASCII is decided without the (slower) Unicode class. */
function isWord(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /^\p{L}/u.test(token.text);
}

interface ScanContext {
  tokens: Token[];
  headline: Set<number>;
  /** Lower-case forms of words written with a capital in the middle of a sentence. */
  midSentence: Set<string>;
  /** Words the article writes in lower case somewhere (made on first use). */
  lowerCase: Set<string> | null;
}

/** Endings of plural nouns for groups of people ("protesters", "residents", "officials", "authorities"). */
const PEOPLE_PLURAL = /(?:ers|ors|ists|ants|ents|ians|als|ities)$/;

function lowerCaseWords(tokens: Token[]): Set<string> {
  const result = new Set<string>();
  for (const t of tokens) if (!t.upper && isWord(t)) result.add(t.lower);
  return result;
}

function capitalisedMidSentence(tokens: Token[], headline: Set<number>): Set<string> {
  const result = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.upper && !t.initial && !headline.has(i)) result.add(t.lower);
  });
  return result;
}

// "March" and "May" are verbs too, so the lexicon does not always tag them as months.
const MONTHS =
  /^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Clock words after a number ("12:22 PM", "09:00 GMT") are not names. */
const CLOCK_WORDS = new Set([
  'am',
  'pm',
  'gmt',
  'utc',
  'bst',
  'cet',
  'cest',
  'est',
  'edt',
  'pst',
  'pdt',
  'msk',
  'eet',
]);

function canBeName(token: Token, index: number, context: ScanContext): boolean {
  const { tokens, headline } = context;
  if (!token.upper || !isWord(token)) return false;
  if (CLOCK_WORDS.has(token.lower) && /\d$/.test(tokens[index - 1]?.text ?? '')) return false;
  if (NEVER_NAMES.has(token.lower)) return token.lower !== 'i' && nextIsUpper(tokens, index);
  if (PRONOUN_CONTRACTION.test(token.lower)) return false;
  if (isCalendarWord(token.lower) || MONTHS.test(token.lower)) return false;
  if (isHyphenatedDemonym(token) || isLowerCompound(tokens, index)) return false;
  if (token.initial || headline.has(index)) {
    if (TITLE_PHRASES.has(token.lower) && nextIsUpper(tokens, index)) return true;
    // Ordinary words, and adverbs ("Currently", "Separately"), which are missing from the
    // lexicon but never names, start a sentence as names only when they are places.
    const ordinary = isCommonWord(token.lower) || token.lower.endsWith('ly') || isCommonWordForm(token.lower);
    if (ordinary && !lookupPlace([token.lower]) && !opensPlaceName(token, tokens[index + 1])) return false;
    // A word alone at the start of a sentence that the article also writes in lower case, or that
    // ends like a plural noun for people ("Authorities", "Protesters", "Residents"), is no name
    // unless the article also capitalises it inside a sentence or the lexicon knows it as a name
    // (a surname of somebody named in full comes back in sentenceInitialSurnames).
    if (
      !headline.has(index) &&
      !nextIsUpper(tokens, index) &&
      (PEOPLE_PLURAL.test(token.lower) || (context.lowerCase ??= lowerCaseWords(tokens)).has(token.lower)) &&
      !context.midSentence.has(token.lower) &&
      !isKnownName(token.lower) &&
      !INSTITUTION_NAMES.has(token.lower)
    )
      return false;
    // In a headline every word is capitalised: a word there must be known as a name
    // or be written with a capital in running text elsewhere.
    if (headline.has(index) && !context.midSentence.has(token.lower) && !isKnownName(token.lower))
      return false;
  }
  return true;
}

/** Endings of the lower-case part of compound adjectives ("-based", "-born", "-style", "-era"). */
const COMPOUND_ENDINGS = /(?:ed|ing|born|run|led|made|style|era|area|class|like|wide|free|long|old)$/;

/**
 * "Quill Party-backed", "Farrow Valley-based": a name whose last word carries a compound ending is
 * split at the hyphen, so that the name ends there ("Quill Party") and the ending is no name.
 * The tokens are those given when nothing is split (they may be shared with other stages).
 */
function splitNameCompounds(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const previous = tokens[i - 1];
    const tail = t.upper && previous?.upper && isWord(previous) ? lowerTail(t.text) : null;
    if (tail === null || !COMPOUND_ENDINGS.test(tail)) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i);
    const dash = t.text.length - tail.length - 1;
    const head = t.text.slice(0, dash);
    out.push({ ...t, text: head, end: t.start + dash, lower: head.toLowerCase() });
    const ending = t.text.slice(dash);
    out.push({
      text: ending,
      start: t.start + dash,
      end: t.end,
      lower: ending,
      upper: false,
      initial: false,
    });
  }
  return out ?? tokens;
}

/**
 * "Farrowdale-based", "Twenty-three", "Super-agent", "Quill Party-linked": a capitalised word joined
 * by a hyphen to a lower-case one is a compound adjective, number or common noun, not a name.
 * After another name the lower-case part must look like such a compound, as the second
 * syllable of a hyphenated given name is written in lower case too ("Park Jae-hwan").
 */
function isLowerCompound(tokens: Token[], index: number): boolean {
  const rest = lowerTail(tokens[index]!.text);
  if (rest === null) return false;
  const previous = tokens[index - 1];
  return COMPOUND_ENDINGS.test(rest) || !(previous && previous.upper && isWord(previous));
}

/** The part after a word's last hyphen when it is two or more lower-case letters ("based" of "Xby-based"), else null. */
function lowerTail(text: string): string | null {
  const dash = text.lastIndexOf('-');
  if (dash <= 0) return null;
  const rest = text.slice(dash + 1);
  return /^[a-z]{2,}$/.test(rest) ? rest : null;
}

/** An ordinary word that opens a two-word place name with the next word ("New York", "South Africa"). */
function opensPlaceName(token: Token, next: Token | undefined): boolean {
  if (!next?.upper || token.lower === 'the') return false;
  const place = lookupPlace([token.lower, next.lower]);
  return place !== undefined && !place.demonym;
}

/** "Ukrainian-held", "US-led": an adjective about a country, not a mention of it. */
function isHyphenatedDemonym(token: Token): boolean {
  const dash = token.text.indexOf('-');
  if (dash < 0) return false;
  const rest = token.text.slice(dash + 1);
  return rest === rest.toLowerCase() && lookupPlace([token.lower.slice(0, dash)]) !== undefined;
}

function nextIsUpper(tokens: Token[], index: number): boolean {
  const next = tokens[index + 1];
  return next !== undefined && next.upper && isWord(next);
}

function findChunks(context: ScanContext): Chunk[] {
  const { tokens } = context;
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!canBeName(tokens[i]!, i, context)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const t = tokens[j];
      if (t === undefined) break;
      if (canBeName(t, j, context) && !t.initial) {
        j++;
        continue;
      }
      // "Bank of England", "Secretary of State", "Ministry of the Interior"
      if (CONNECTORS.has(t.text)) {
        let k = j + 1;
        if (tokens[k]?.text === 'the') k++;
        const after = tokens[k];
        if (after && canBeName(after, k, context) && !after.initial) {
          j = k + 1;
          continue;
        }
      }
      if (t.text === 'and' && joinsRoleDomain(context, i, j)) {
        j++;
        continue;
      }
      break;
    }
    chunks.push({ from: i, to: j });
    i = j;
  }
  return chunks;
}

/**
 * "Secretary of Housing and Urban Development Jane Roe", "Minister of Trade and Industry X":
 * the "and" at `and` joins two halves of a title's domain when the chunk from `from` holds a
 * title, one word of the domain stands between "of" (or "for") and the "and", and what follows
 * is capitalised, opens with no given name and holds no title of its own ("… of State and
 * Defense Secretary X" and "… of State and Jane Roe" name two people).
 */
function joinsRoleDomain(context: ScanContext, from: number, and: number): boolean {
  const { tokens } = context;
  const of = tokens[and - 2];
  if (!of || (of.text !== 'of' && of.text !== 'for') || and - 2 <= from) return false;
  if (!hasTitleWord(tokens, from, and - 2)) return false;
  const next = tokens[and + 1];
  if (!next || !canBeName(next, and + 1, context) || next.initial || isFirstName(next.lower)) return false;
  for (let k = and + 1; k < tokens.length && tokens[k]!.upper && isWord(tokens[k]!); k++) {
    if (isTitleWord(tokens[k]!)) return false;
  }
  return true;
}

/** Party labels written between a role modifier and a title (general English news usage). */
const PARTY_LABELS: ReadonlySet<string> = new Set([
  'democratic',
  'democrat',
  'republican',
  'gop',
  'conservative',
  'labour',
  'liberal',
  'socialist',
  'communist',
]);

const STATE_ABBREVIATIONS: ReadonlySet<string> = new Set(US_STATE_ABBREVIATIONS);

/**
 * A US state as news writes it before a title ("former Fla. Gov.", "N.J. Gov.", "W.Va. Sen."):
 * an AP-style short form followed by its period (a token of its own), or capital initials with
 * periods. Returns the index after it, or -1.
 */
function stateAbbreviationEnd(tokens: Token[], i: number): number {
  const { text, lower } = tokens[i]!;
  const period = tokens[i + 1]?.text === '.' ? i + 2 : -1;
  if (/^[A-Z][a-z]{1,4}$/.test(text)) return STATE_ABBREVIATIONS.has(lower) ? period : -1;
  // Some short forms come out of the tokenizer with their period ("Ill.", "Fla.").
  if (/^[A-Z][a-z]{1,4}\.$/.test(text)) return STATE_ABBREVIATIONS.has(lower.replace(/\.$/, '')) ? i + 1 : -1;
  if (text === 'W.Va') return period;
  return /^(?:[A-Z]\.){2}$/.test(text) && text !== 'U.S.' ? i + 1 : -1;
}

function isRoleWord(token: Token): boolean {
  const w = withoutEx(token.lower);
  return TITLE_WORDS.has(w) || MODIFIER_WORDS.has(w) || DOMAIN_WORDS.has(w) || token.lower === 'ex';
}

function isTitleWord(token: Token): boolean {
  return TITLE_PHRASES.has(withoutEx(token.lower));
}

/**
 * The title in a word with a leading "ex-" or a trailing "-elect" or "-designate"
 * ("ex-president", "governor-elect" → "president", "governor").
 */
function withoutEx(lower: string): string {
  const bare = lower.startsWith('ex-') ? lower.slice(3) : lower;
  const dash = bare.lastIndexOf('-');
  if (dash <= 0) return bare;
  const suffix = bare.slice(dash + 1);
  return suffix === 'elect' || suffix === 'designate' ? bare.slice(0, dash) : bare;
}

function placeOf(tokens: Token[], from: number, to: number): PlaceMatch | undefined {
  if (to - from > MAX_PLACE_WORDS) return undefined;
  const words = tokens.slice(from, to);
  // Two-letter aliases ("US", "UK") must be written in capitals to avoid "us".
  if (
    words.length === 1 &&
    words[0]!.text.replace(/\./g, '').length <= 3 &&
    words[0]!.text !== words[0]!.text.toUpperCase()
  )
    return undefined;
  return lookupPlace(words.map((w) => w.lower));
}

/** Index of the first name token after a leading role inside the chunk ("US President | Jane Roe"). */
function leadingRoleEnd(tokens: Token[], chunk: Chunk): number {
  let end = chunk.from;
  let sawTitle = false;
  for (let i = chunk.from; i < chunk.to - 1; i++) {
    const t = tokens[i]!;
    const roleish =
      isRoleWord(t) || placeOf(tokens, i, i + 1) !== undefined || stateAbbreviationEnd(tokens, i) > 0;
    if (!roleish) break;
    if (isTitleWord(t) || STANDALONE_MODIFIERS.has(t.lower)) {
      end = i + 1;
      sawTitle ||= isTitleWord(t);
    } else if (sawTitle && !ROLE_CONNECTORS.has(t.lower)) end = i + 1; // "Secretary of State | X"
  }
  // "Secretary of Transportation Jane Roe": a domain the lists do not know; the name is the
  // last two words (given name and surname), the rest of the chunk is the role.
  if (end > chunk.from && ROLE_CONNECTORS.has(tokens[end]?.lower ?? '') && chunk.to - end >= 4)
    end = chunk.to - 2;
  return end;
}

/**
 * A title inside the chunk followed by a person's name ("UN Secretary General | Jane Roe",
 * "Acme Corp President | John Doe", "General Motors Chief Executive | Jane Roe"): the name is
 * what follows the last such title when it is two or three words, opens with a given name or
 * ends with a surname of the lexicon, and holds no role word; the words before it, from the
 * chunk's start, are the role. Otherwise `nameFrom` as the leading role left it.
 */
function innerTitleEnd(tokens: Token[], chunk: Chunk, nameFrom: number): number {
  for (let p = chunk.to - 3; p >= nameFrom; p--) {
    if (!isTitleWord(tokens[p]!)) continue;
    const name = tokens.slice(p + 1, chunk.to);
    if (name.length > 3 || name.some((t) => isRoleWord(t) || !isWord(t) || CONNECTORS.has(t.text)))
      return nameFrom;
    const first = name[0]!.lower;
    const last = name[name.length - 1]!.lower;
    return isFirstName(first) || isLastName(last) ? p + 1 : nameFrom;
  }
  return nameFrom;
}

function hasTitleWord(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isTitleWord(tokens[i]!)) return true;
  return false;
}

/** Words that join a title to its domain ("Secretary of State"); a role never ends on one. */
const ROLE_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'and']);

/**
 * Start of a role written before the chunk in lower case ("Russia's army chief", "former"). `titled`:
 * the chunk itself opens with a title ("ex-Vice | President X"), so role words before it belong to it.
 */
function precedingRoleStart(text: string, tokens: Token[], from: number, titled = false): number {
  let start = from;
  let sawTitle = titled;
  let i = from - 1;
  // "the country's chief of staff, Jane Roe": one comma between a title and the name.
  if (tokens[i]?.text === ',' && tokens[i - 1] && TITLE_WORDS.has(tokens[i - 1]!.lower)) i--;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    // A role does not reach back into another paragraph or line, unless the break follows an
    // abbreviated title ("the Rev.⏎Jane Roe", as text split after every period has it).
    const abbreviatedTitle = t.text.endsWith('.') && isTitleWord(t);
    if (!abbreviatedTitle && hasNewline(text, t.end, tokens[i + 1]!.start)) break;
    // "the former chairman of President X's council": the chunk has its own title, and what
    // comes before "of" is somebody else's role.
    if (titled && (t.lower === 'of' || t.lower === 'for')) break;
    if (isRoleWord(t)) {
      if (isTitleWord(t) || STANDALONE_MODIFIERS.has(withoutEx(t.lower))) sawTitle = true;
      if (!DOMAIN_WORDS.has(t.lower) || sawTitle) start = i;
      continue;
    }
    if (sawTitle && t.text === '.' && i > 0 && stateAbbreviationEnd(tokens, i - 1) === i + 1) {
      start = --i; // "former Fla. | Gov. X"
      continue;
    }
    if (sawTitle && (placeOf(tokens, i, i + 1) || stateAbbreviationEnd(tokens, i) > 0)) {
      start = i;
      continue;
    }
    // "former Democratic congressman": a party label between a modifier and the title.
    if (
      sawTitle &&
      PARTY_LABELS.has(t.lower) &&
      tokens[i - 1] &&
      MODIFIER_WORDS.has(withoutEx(tokens[i - 1]!.lower))
    ) {
      start = i;
      continue;
    }
    if (/^['’]s$/i.test(t.text) && sawTitle && tokens[i - 1]?.upper) {
      start = i - 1;
      i--;
      continue;
    }
    break;
  }
  if (!sawTitle) return from;
  // A role does not begin with "the", "of" or "for".
  while (start < from && ['the', 'of', 'for', ','].includes(tokens[start]!.lower)) start++;
  return start;
}

function analyseChunk(text: string, tokens: Token[], chunk: Chunk, consumed: Set<number>): Mention | null {
  const wholePlace = placeOf(tokens, chunk.from, chunk.to);
  if (wholePlace) return placeMention(text, tokens, chunk, wholePlace);

  const nameFrom = innerTitleEnd(tokens, chunk, leadingRoleEnd(tokens, chunk));
  let roleStart = precedingRoleStart(text, tokens, chunk.from, nameFrom > chunk.from);
  // The name's type by its words alone, read once where it is needed.
  let plain: MentionType | null = null;
  // "the former Alaska state director", "the former Acme": a modifier alone before a place or an
  // organisation is no role of a person.
  if (nameFrom === chunk.from && roleStart < chunk.from && !hasTitleWord(tokens, roleStart, chunk.from)) {
    plain = typeOfName(tokens.slice(chunk.from, chunk.to), tokens[chunk.from - 1], tokens[chunk.to]);
    if (plain === 'place' || plain === 'organization') roleStart = chunk.from;
  }
  // "the mayor of Farrowdale", "the head of Quillcorp": a lower-case role ending in "of" or "for" has the
  // chunk as its domain; the chunk is no person with that role but a mention of its own.
  let domainOf: Token | null = null;
  if (
    nameFrom === chunk.from &&
    roleStart < chunk.from &&
    OF_WORDS.has(tokens[chunk.from - 1]?.lower ?? '')
  ) {
    domainOf = tokens[roleStart]!;
    for (let i = chunk.from - 2; i >= roleStart; i--) {
      if (isTitleWord(tokens[i]!)) {
        domainOf = tokens[i]!;
        break;
      }
    }
    roleStart = chunk.from;
  }
  const hasRole = nameFrom > chunk.from || roleStart < chunk.from;
  if (nameFrom >= chunk.to) return null;
  const nameTokens = tokens.slice(nameFrom, chunk.to);
  const institution = !hasRole && INSTITUTION_NAMES.has(nameTokens.map((t) => t.lower).join(' '));
  if (!institution && nameTokens.every((t) => isRoleWord(t))) return null;
  // "Zelensky, the Ukrainian President,": a title after place and role words is a role with no name.
  if (
    isTitleWord(nameTokens[nameTokens.length - 1]!) &&
    nameTokens.length > 1 &&
    nameTokens.slice(0, -1).every((t) => isRoleWord(t) || lookupPlace([t.lower]) !== undefined)
  )
    return null;
  // "the Secretary of Health and Human Services said": a role with no name after it.
  if (hasRole && ROLE_CONNECTORS.has(nameTokens[0]!.lower)) return null;
  // "Former Democratic | congressman X": the party label is part of the role that follows.
  const after = tokens[chunk.to];
  if (after && isTitleWord(after) && nameTokens.every((t) => PARTY_LABELS.has(t.lower))) return null;
  // "former Fla. | Gov. X": a state before a title belongs to the role that follows.
  const state = nameTokens.length === 1 ? stateAbbreviationEnd(tokens, chunk.from) : -1;
  if (state > 0 && tokens[state] && isTitleWord(tokens[state]!)) return null;
  // "Democrats said", "Republican leaders", "the GOP": the party they stand for.
  const party = !hasRole && nameTokens.length === 1 ? PARTY_OF.get(nameTokens[0]!.lower) : undefined;
  if (party) {
    const t = nameTokens[0]!;
    const name = text.slice(t.start, t.end);
    return {
      text: name,
      start: t.start,
      end: t.end,
      type: 'organization',
      key: keyFor(party, 'organization'),
      name,
      role: null,
    };
  }
  for (let i = roleStart; i < nameFrom; i++) consumed.add(i);

  const first = nameTokens[0]!;
  const last = nameTokens[nameTokens.length - 1]!;
  const name = text.slice(first.start, last.end);
  const start = tokens[roleStart]!.start;
  const role = hasRole ? text.slice(start, first.start).replace(/[\s,]+$/, '') : null;
  const type = hasRole
    ? 'person'
    : institution
      ? 'organization'
      : placedByComma(tokens, chunk.from, chunk.to) || followsPlaceNoun(tokens, chunk, nameTokens)
        ? 'place'
        : domainOf
          ? domainType(nameTokens, domainOf, tokens[chunk.to])
          : (plain ?? typeOfName(nameTokens, tokens[chunk.from - 1], tokens[chunk.to]));
  return {
    text: text.slice(start, last.end),
    start,
    end: last.end,
    type,
    key: keyFor(type === 'place' ? withoutPlaceHead(name) : name, type),
    name,
    role: role === '' ? null : role,
  };
}

const OF_WORDS: ReadonlySet<string> = new Set(['of', 'for']);

/** Titles whose domain after "of" is a place ("the mayor of X", "the governor of X"). */
const PLACE_TITLES: ReadonlySet<string> = new Set([
  'mayor',
  'governor',
  'premier',
  'prefect',
  'deputy mayor',
]);

/**
 * The type of the domain of a lower-case title ("the mayor of X"): a place after a title that
 * governs one, else the name's own type, where an unknown single word is no person.
 */
function domainType(words: Token[], title: Token, after: Token | undefined): MentionType {
  if (PLACE_TITLES.has(withoutEx(title.lower))) return 'place';
  const type = typeOfName(words, undefined, after);
  return type === 'person' && words.length === 1 ? 'other' : type;
}

function placeMention(text: string, tokens: Token[], chunk: Chunk, place: PlaceMatch): Mention {
  const first = tokens[chunk.from]!;
  let last = tokens[chunk.to - 1]!;
  if (place.demonym) {
    // "Ukrainian forces": the demonym with the actor noun stands for the country.
    const next = tokens[chunk.to];
    if (next && ACTOR_NOUN_SET.has(next.lower)) last = next;
  }
  const mention: Mention = {
    text: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    type: 'place',
    key: place.key,
    name: place.entry.name,
    role: null,
  };
  if (place.demonym) mention.demonym = true;
  return mention;
}

const INSTITUTION_NAMES: ReadonlySet<string> = new Set(INSTITUTIONS);

/** Nouns for a settlement or an area, which name the place after them ("the village of X"). */
const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'village',
  'town',
  'city',
  'hamlet',
  'settlement',
  'suburb',
  'neighborhood',
  'neighbourhood',
  'region',
  'province',
  'district',
  'county',
  'island',
  'port',
  'capital',
]);

/**
 * A name right after a place noun written in lower case, its "of", a comma or "called" /
 * "named" ("the village Xby", "the town of Xby", "the last village, Xby,", "a village called
 * Xby"): a place, unless its own words make it an organisation ("the county Board of X") or it
 * holds a title. After a comma only a single word closed by punctuation counts ("the province,
 * Jane Roe, said" is an apposition about a person).
 */
function followsPlaceNoun(tokens: Token[], chunk: Chunk, words: Token[]): boolean {
  const { from, to } = chunk;
  const placeNoun = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && !t.upper && PLACE_NOUNS.has(t.lower);
  };
  const before = tokens[from - 1]?.lower;
  let found = false;
  if (placeNoun(from - 1)) found = true;
  else if (before === 'of') found = placeNoun(from - 2);
  else if (before === ',')
    found = placeNoun(from - 2) && to - from === 1 && /^[,.;]$/.test(tokens[to]?.text ?? '');
  else if (before === 'called' || before === 'named') {
    for (let i = from - 2; i >= Math.max(0, from - 4) && !found; i--) found = placeNoun(i);
  }
  if (!found || words.some((w) => isTitleWord(w))) return false;
  return typeOfName(words, tokens[from - 1], tokens[to]) !== 'organization';
}

/** Prepositions that put an unknown single name in a place ("fighting in Xville"). */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'near',
  'from',
  'into',
  'across',
  'outside',
  'inside',
  'towards',
  'toward',
]);

/**
 * A name followed by a comma and a US state or a country that closes the phrase is a place
 * ("killed in Springfield, Ill., a …", "in Bordeaux, France."): news writes a town with its
 * state or country that way. A country needs a place preposition before the name too ("After
 * meeting John Smith, Russia said …" is a name and a new clause); "Jane Roe, Britain's envoy" is
 * an apposition about the name.
 */
function placedByComma(tokens: Token[], from: number, end: number): boolean {
  if (tokens[end]?.text !== ',' || !tokens[end + 1]) return false;
  const closes = (i: number): boolean => i >= tokens.length || /^[,.;:)]$/.test(tokens[i]!.text);
  const state = stateAbbreviationEnd(tokens, end + 1);
  if (state > 0) return closes(state);
  const place = placeOf(tokens, end + 1, end + 2);
  const before = tokens[from - 1];
  return (
    place !== undefined &&
    !place.demonym &&
    closes(end + 2) &&
    before !== undefined &&
    PLACE_PREPOSITIONS.has(before.lower)
  );
}

/**
 * Common English surnames that are also words for a landform or a building ("Hill", "Woods",
 * "Rivers"), which the lexicon knows as place words. Words that name places far more often
 * than people after a given name ("Park", "Lake", "Bridge") are left out.
 */
const TOPOGRAPHIC_SURNAMES: ReadonlySet<string> = new Set([
  'hill',
  'hills',
  'marsh',
  'woods',
  'field',
  'pond',
  'shore',
  'grove',
  'rivers',
  'hall',
]);

/**
 * A given name, then at most one more name that is no place, then such a surname ("Dana
 * Hill", "Theo J. Woods"), not after a place preposition ("near Dana Hill"): a person.
 */
function hasTopographicSurname(words: Token[], before: Token | undefined): boolean {
  if (words.length < 2 || words.length > 3) return false;
  if (before && PLACE_PREPOSITIONS.has(before.lower)) return false;
  const last = words[words.length - 1]!.lower;
  if (!TOPOGRAPHIC_SURNAMES.has(last) || !isFirstName(words[0]!.lower)) return false;
  const middle = words.slice(1, -1);
  return middle.every((w) => !isPlaceWord(w.lower) && !lexiconPlace(w.lower) && !PLACE_HEADS.has(w.lower));
}

/** First words of place names ("Los Angeles", "San Marcos", "Fort Hood", "Port Quill"). */
const PLACE_PREFIXES: ReadonlySet<string> = new Set([
  'las',
  'los',
  'san',
  'santa',
  'fort',
  'port',
  'mount',
  'lake',
]);

/**
 * A known place, then a plural that is no surname ("Farrowdale Herons", "New Quill Rovers"): a
 * team or group named after its home, not a person.
 */
function isPlacePlural(words: Token[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const last = words[words.length - 1]!.lower;
  if (!/[a-z]s$/.test(last) || isLastName(last) || isFirstName(last) || isFirstName(words[0]!.lower))
    return false;
  const lower = words.map((w) => w.lower);
  // (typeOfName has already typed a name the lexicon knows whole as a place.)
  if (lookupPlace(lower)) return false;
  if (words.length === 2 && PLACE_PREFIXES.has(lower[0]!)) return false;
  return lexiconPlace(lower.slice(0, -1).join(' '));
}

function typeOfName(words: Token[], before: Token | undefined, after: Token | undefined): MentionType {
  const last = words[words.length - 1]!.lower;
  const first = words[0]!.lower;
  if (words.length === 1) {
    if (lexiconPlace(first)) return 'place';
    if (lexiconOrganization(first)) return 'organization';
    if (/^\p{Lu}{2,6}$/u.test(words[0]!.text.replace(/\./g, ''))) return 'organization';
    if (isLastName(first) || isFirstName(first)) return 'person';
    if (after && PLACE_HEADS.has(after.lower)) return 'place';
    if (before && PLACE_PREPOSITIONS.has(before.lower)) return 'place';
    return 'other';
  }
  // A name the lexicon knows whole ("New York", "North Carolina", "Middle East").
  const whole = words.map((w) => w.lower).join(' ');
  if (lexiconPlace(whole)) return 'place';
  if (lexiconOrganization(whole)) return 'organization';
  if (ORG_HEADS.has(last) || isOrgWord(last) || words.some((w) => lexiconOrganization(w.lower)))
    return 'organization';
  if (ORG_HEADS.has(first) || isOrgWord(first) || first === 'department' || first === 'university')
    return 'organization';
  if (hasTopographicSurname(words, before)) return 'person';
  if (isPlacePlural(words)) return 'organization';
  if (words.length <= 3 && PLACE_PREFIXES.has(first) && !isLastName(last)) return 'place';
  if (PLACE_HEADS.has(last) || isPlaceWord(last) || isPlaceWord(first)) return 'place';
  if (words.every((w) => lexiconPlace(w.lower) || w.text === 'of')) return 'place';
  if (isFirstName(first) || isLastName(last)) return 'person';
  const plain = words.filter((w) => !CONNECTORS.has(w.text));
  if (plain.length <= 3 && plain.every((w) => !isCommonWord(w.lower))) return 'person';
  return 'other';
}

/** Administrative heads that do not change which place is meant ("X Region" is X). */
const ADMINISTRATIVE_HEADS = /\s+(?:region|oblast|province|county|district|governorate|prefecture)$/i;

function withoutPlaceHead(name: string): string {
  const bare = name.replace(ADMINISTRATIVE_HEADS, '');
  return bare.length > 0 ? bare : name;
}
