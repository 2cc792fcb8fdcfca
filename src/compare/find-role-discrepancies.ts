import type { Mention } from '../model/annotations.js';
import type { Discrepancy } from '../model/comparison.js';
import { TITLE_WORDS } from '../annotate/mentions/lookup-words.js';
import { TITLE_ABBREVIATIONS } from '../annotate/sentences/abbreviations.js';
import { insideQuotation } from './inside-quotation.js';
import { sentenceAt, unique, type StoryContext } from './story-context.js';

/** Words that change what a title means: a former president is not the president. */
const ROLE_MODIFIERS: Readonly<Record<string, string>> = {
  former: 'former',
  ex: 'former',
  late: 'late',
  acting: 'acting',
  interim: 'acting',
  deputy: 'deputy',
  vice: 'deputy',
  assistant: 'deputy',
  outgoing: 'outgoing',
  incoming: 'incoming',
  elect: 'elect',
  designate: 'elect',
  retired: 'former',
  deceased: 'late',
};
// Words of a role that say nothing about its rank: articles, possessives, country adjectives are compared through entities.
const FILLER = new Set(['the', 'a', 'an', 'of', 'and', 'then', 's']);

interface RoleReading {
  modifiers: string[];
  base: Set<string>;
}

// Rank words that are also job titles by themselves: they modify a title only when one follows
// ("Deputy Prime Minister"); last in the role they are the title ("Sheriff's Deputy X", "Deputy X").
const RANK_NOUNS = new Set(['deputy', 'assistant']);

/** The rank modifiers of a role text and the remaining title words. */
export function readRole(role: string): RoleReading {
  const words = role
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0 && !FILLER.has(w));
  const isModifier = (w: string, i: number): boolean =>
    ROLE_MODIFIERS[w] !== undefined && !(i === words.length - 1 && RANK_NOUNS.has(w));
  const modifiers = unique(words.filter(isModifier).map((w) => ROLE_MODIFIERS[w]!)).sort();
  const base = new Set(words.filter((w, i) => !isModifier(w, i)));
  return { modifiers, base };
}

function normalizeMention(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A mention's text without its leading rank modifiers, normalised ("former Gov. X" → "gov x"). */
function withoutModifiers(text: string): string {
  const words = normalizeMention(text).split(' ');
  let i = 0;
  while (i < words.length - 1 && ROLE_MODIFIERS[words[i]!] !== undefined) i++;
  return words.slice(i).join(' ');
}

// "then-President X" describes the past on purpose; it contradicts nothing.
function isHistorical(role: string): boolean {
  return /\bthen\b/i.test(role);
}

// Quantifiers before "of" pick out the person ("one of", "both of"); any other word names something of theirs.
const PARTITIVE = /^(?:one|some|any|all|none|both|each|either|neither|many|most|several|few|two|three)$/i;

// Modifiers that put the title in the past: only against them does a reference name the person by
// the title they held then. A rank (deputy, acting) holds in a reference too.
const PAST_TITLE = new Set(['former', 'late']);

/**
 * True when the title comes in a reference to something of the person's ("the open seat of Sen.
 * X", "President X's health law"): it names them as they were when that thing was theirs, which
 * says nothing about the title they hold now.
 */
function isPossessiveReference(text: string, mention: Mention): boolean {
  if (/^['’]s?\b/.test(text.slice(mention.end, mention.end + 3))) return true;
  const of = /(\p{L}+)\s+of\s+(?:the\s+)?$/iu.exec(
    text.slice(Math.max(0, mention.start - 40), mention.start),
  );
  return of !== null && !PARTITIVE.test(of[1]!);
}

// A verb that ends someone's tenure ("the club fired president X", "replaced Gov. X"): the plain title
// is the one held until then.
const TENURE_ENDED =
  /\b(?:fired|ousted|replaced|replacing|succeeded|succeeding|sacked|dismissed|removed|impeached|unseated|toppled|deposed|defeated)\s+(?:the\s+)?(?:[\p{L}'’]+\s+){0,2}$/iu;
// A period after the title: "director of the agency under President X", "mayor from 1990 to 1998".
const PERIOD_AFTER =
  /^[^.;]{0,40}?\b(?:under\s+(?:the\s+)?\p{Lu}|(?:from|between|until|in)\s+(?:18|19|20)[0-9]{2}\b)/u;

/**
 * True when a plain title names the person as they were at a past time the sentence gives: the
 * object of a verb ending their tenure, or a title followed by its period. It says nothing about the
 * title they hold now.
 */
export function isPastReference(text: string, mention: Mention): boolean {
  return (
    TENURE_ENDED.test(text.slice(Math.max(0, mention.start - 40), mention.start)) ||
    PERIOD_AFTER.test(text.slice(mention.end, mention.end + 60))
  );
}

/**
 * True when the plain side names the modifier's rank itself ("Sheriff's Deputy X" against "Deputy
 * Sheriff X"): the same words in another order, not a title without its rank.
 */
function namesTheRank(plain: RoleReading, modifiers: string[]): boolean {
  return [...plain.base].some(
    (w) => ROLE_MODIFIERS[w] !== undefined && modifiers.includes(ROLE_MODIFIERS[w]!),
  );
}

/**
 * True when a modifier-only role sits right before a name that carries the title itself
 * ("former" + "Arkansas Gov. Mike Huckabee"); not for an apposition ("his deputy, Mike …")
 * or a one-word name (a party read as a person: "former Republican").
 */
function readIntoName(r: { mention: Mention }): boolean {
  const { text, role, name } = r.mention;
  const capitalised = name.match(/\p{Lu}[\p{L}.'’-]*/gu) ?? [];
  // The name must carry a title word itself: "former" + "Southern California" (a college or region
  // before "star") is no title.
  const titled = capitalised.some((w) => {
    const word = w.toLowerCase().replace(/\.$/, '');
    return TITLE_WORDS.has(word) || TITLE_ABBREVIATIONS.has(word);
  });
  return role !== null && text.startsWith(`${role} `) && capitalised.length >= 2 && titled;
}

/**
 * Role discrepancies: one entity given one title with and without a rank modifier
 * (former, acting, deputy, late, …) by different articles.
 */
export function findRoleDiscrepancies(ctx: StoryContext): Omit<Discrepancy, 'id'>[] {
  const byKey = new Map<string, { articleIndex: number; mention: Mention; reading: RoleReading }[]>();
  ctx.annotations.forEach((ann, articleIndex) => {
    for (const mention of ann.mentions) {
      if (mention.type !== 'person' || (mention.role !== null && isHistorical(mention.role))) continue;
      // A speaker's words ("I told President X …") address a person by courtesy ("President" stays
      // with former presidents): quoted titles are set against quoted titles only, the articles' own
      // wording against their own wording.
      const quoted = insideQuotation(ctx.articles[articleIndex]!.text, mention.start);
      const key = `${quoted ? 'q' : 'a'}:${mention.key}`;
      const list = byKey.get(key) ?? [];
      list.push({ articleIndex, mention, reading: readRole(mention.role ?? '') });
      byKey.set(key, list);
    }
  });
  const out: Omit<Discrepancy, 'id'>[] = [];
  for (const readings of byKey.values()) {
    const modified = readings.filter((r) => r.reading.modifiers.length > 0);
    for (const signature of unique(modified.map((r) => r.reading.modifiers.join('+')))) {
      const marked = modified.filter((r) => r.reading.modifiers.join('+') === signature);
      const base = new Set(marked.flatMap((r) => [...r.reading.base]));
      // Where the title was read into the name ("former" + "Arkansas Gov. Mike Huckabee"), the plain
      // side is the same mention without the modifier.
      const bare = new Set(marked.filter(readIntoName).map((r) => withoutModifiers(r.mention.text)));
      const plain = readings.filter(
        (r) =>
          // Fewer modifiers of the same title: "Vice President" against "former Vice President".
          r.reading.modifiers.length < marked[0]!.reading.modifiers.length &&
          r.reading.modifiers.every((m) => marked[0]!.reading.modifiers.includes(m)) &&
          !(
            PAST_TITLE.has(signature) &&
            (isPossessiveReference(ctx.articles[r.articleIndex]!.text, r.mention) ||
              isPastReference(ctx.articles[r.articleIndex]!.text, r.mention))
          ) &&
          !namesTheRank(r.reading, marked[0]!.reading.modifiers) &&
          ([...r.reading.base].some((w) => base.has(w)) ||
            (r.mention.role === null && bare.has(normalizeMention(r.mention.text)))),
      );
      const markedArticles = new Set(marked.map((r) => r.articleIndex));
      const plainOnly = plain.filter((r) => !markedArticles.has(r.articleIndex));
      if (plainOnly.length === 0) continue;
      const name = readings.map((r) => r.mention.name).sort((a, b) => b.length - a.length)[0]!;
      out.push({
        kind: 'role',
        subject: `role of ${name}`,
        variants: [marked, plainOnly].map((side) => ({
          value: side[0]!.mention.role ?? side[0]!.mention.text,
          articleIds: unique(side.map((r) => ctx.articles[r.articleIndex]!.id)),
          quotes: unique(
            side.map((r) => sentenceAt(ctx, r.articleIndex, r.mention.start)?.text ?? r.mention.text),
          ),
        })),
      });
    }
  }
  return out;
}
