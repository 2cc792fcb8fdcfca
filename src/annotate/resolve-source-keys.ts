import type { Attribution, Mention, Span } from '../model/annotations.js';

const PRONOUNS = /^(?:he|she|him|her|his|they|them|it)$/i;
const PERSON_PRONOUN = /^(?:he|she|him|her|his)$/i;

/**
 * Whether a mention can be what a pronoun source stands for: he/she a person; "they" a group of
 * people, a body or a people named by its demonym ("Ukrainian officials … They insist"), never a
 * bare place ("the village of Eastfield … They"); "it" anything named but a demonym.
 */
function canBe(pronoun: string, m: Mention): boolean {
  if (PERSON_PRONOUN.test(pronoun)) return m.type === 'person';
  if (/^(?:they|them)$/i.test(pronoun))
    return m.demonym === true || (m.type !== 'place' && m.type !== 'other');
  return !m.demonym;
}

/** Only an article, or nothing, before a mention at the start of a source span. */
const OPENING = /^\s*(?:(?:the|a|an)\s+)?$/i;
/** What may follow the name that opens a source span for it to be the head: an apposition, a clause, an age, or nothing. */
const APPOSITION = /^\s*(?:,|\(|$|who\b|of\b|from\b)/i;

/**
 * The mention a source span names: a person who opens it, followed by an apposition or a
 * clause ("Jane Roe, a lawyer for John Doe"; not "Roe spokesman John Doe"),
 * else the last person in it (the head of "Russia's army chief, General X" is X), else the
 * last mention that is no demonym, else the last.
 */
function headOf(source: Span, inside: Mention[]): Mention | undefined {
  const first = inside[0];
  if (
    first?.type === 'person' &&
    OPENING.test(source.text.slice(0, first.start - source.start)) &&
    APPOSITION.test(source.text.slice(first.end - source.start))
  )
    return first;
  return (
    inside.filter((m) => m.type === 'person').at(-1) ??
    inside.filter((m) => !m.demonym).at(-1) ??
    inside.at(-1)
  );
}

/**
 * Links each attribution's source to the entity it names (`headOf` the mentions inside the
 * source span), or, for a pronoun, the nearest person (he/she) or any entity (they/it)
 * mentioned before it.
 */
export function resolveSourceKeys(attributions: Attribution[], mentions: Mention[]): Attribution[] {
  return attributions.map((attribution) => {
    const source = attribution.source;
    if (!source) return attribution;
    const inside = mentions.filter((m) => m.start >= source.start && m.end <= source.end);
    const named = headOf(source, inside);
    if (named) return { ...attribution, sourceKey: named.key };
    const word = source.text.trim();
    if (!PRONOUNS.test(word)) return attribution;
    const before = mentions.filter((m) => m.end <= source.start && canBe(word, m));
    const antecedent = before.at(-1);
    return antecedent ? { ...attribution, sourceKey: antecedent.key } : attribution;
  });
}
