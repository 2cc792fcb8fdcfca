import type { Attribution, Mention } from '../model/annotations.js';

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

/**
 * Links each attribution's source to the entity it names: the last mention inside the
 * source span (the head of "Russia's army chief, General X" is X), or, for a pronoun,
 * the nearest person (he/she) or any entity (they/it) mentioned before it.
 */
export function resolveSourceKeys(attributions: Attribution[], mentions: Mention[]): Attribution[] {
  return attributions.map((attribution) => {
    const source = attribution.source;
    if (!source) return attribution;
    const inside = mentions.filter((m) => m.start >= source.start && m.end <= source.end);
    const named = inside.filter((m) => !m.demonym).at(-1) ?? inside.at(-1);
    if (named) return { ...attribution, sourceKey: named.key };
    const word = source.text.trim();
    if (!PRONOUNS.test(word)) return attribution;
    const before = mentions.filter((m) => m.end <= source.start && canBe(word, m));
    const antecedent = before.at(-1);
    return antecedent ? { ...attribution, sourceKey: antecedent.key } : attribution;
  });
}
