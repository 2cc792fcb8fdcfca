/** English number words, lower case, for reading "seventy-six thousand" or "a dozen". */

export const UNIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Multipliers; "bn", "m", "k" are the abbreviations used after digits ("$3bn", "1.2m"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

export const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
  trn: 1e12,
};

/** Words that stand for a count by themselves ("a dozen", "a couple of"). */
export const COUNT_WORDS: Readonly<Record<string, number>> = {
  dozen: 12,
  score: 20,
  couple: 2,
  pair: 2,
};

/** Fractions, singular and plural denominators ("two-thirds", "a quarter"). */
export const FRACTION_WORDS: Readonly<Record<string, number>> = {
  half: 1 / 2,
  halves: 1 / 2,
  third: 1 / 3,
  thirds: 1 / 3,
  quarter: 1 / 4,
  quarters: 1 / 4,
  fourth: 1 / 4,
  fourths: 1 / 4,
  fifth: 1 / 5,
  fifths: 1 / 5,
  sixth: 1 / 6,
  sixths: 1 / 6,
  eighth: 1 / 8,
  eighths: 1 / 8,
  tenth: 1 / 10,
  tenths: 1 / 10,
};

/**
 * Plural scale words that give only a lower bound ("hundreds of", "thousands of"):
 * the plural means at least two of the unit.
 */
export const VAGUE_PLURALS: Readonly<Record<string, number>> = {
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  billions: 2e9,
};
