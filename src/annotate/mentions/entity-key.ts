import type { MentionType } from '../../model/annotations.js';

/**
 * Canonical keys for names. A key must not depend on the article it comes from, so
 * it is computed from the name alone: accents folded, case and punctuation dropped,
 * and the spellings that transliteration produces for one name brought together
 * (-yy/-iy/-ii/-yi endings, doubled letters).
 */

/** Removes accents and lower-cases ("Émile Zoë" → "emile zoe"). */
export function foldAccents(text: string): string {
  // Plain ASCII has nothing to decompose or fold: the common case, and the cheap one.
  if (isAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđ]/g, (c) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' })[c] ?? c)
    .toLowerCase();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** One word of a name, reduced so that transliteration variants agree. */
export function foldNameWord(word: string): string {
  return (
    foldAccents(word)
      .replace(/['’]s$/, '')
      .replace(/[^a-z0-9]/g, '')
      // Transliterated Slavic endings: -yy, -iy, -ii, -ij, -yi all render one sound.
      .replace(/(?:yy|iy|ii|ij|yi)$/, 'y')
      // Doubled letters are spelt singly in some transliterations.
      .replace(/([a-z])\1+/g, '$1')
  );
}

/** The key for a name: its folded words joined by hyphens ("Anna-Maria O'Brien" → "ana-maria-obrien"). */
export function entityKey(name: string): string {
  return name
    .split(/[\s\-‐–]+/)
    .map(foldNameWord)
    .filter((w) => w.length > 0)
    .join('-');
}

/**
 * People's keys fold transliteration variants and drop initials; other names are
 * only accent- and case-folded, so "Mississippi" keeps its letters.
 */
export function keyFor(name: string, type: MentionType): string {
  let byName = keyCache.get(type);
  if (byName === undefined) {
    byName = new Map<string, string>();
    keyCache.set(type, byName);
  }
  let key = byName.get(name);
  if (key === undefined) {
    key = computeKey(name, type);
    if (byName.size >= 100_000) byName.clear();
    byName.set(name, key);
  }
  return key;
}

/**
 * Keys by type, then name: the same names come back in article after article. One map per
 * type, so a lookup takes the name as it is instead of a string joined for the purpose.
 */
const keyCache = new Map<MentionType, Map<string, string>>();

function computeKey(name: string, type: MentionType): string {
  if (type === 'person' || type === 'other') {
    const words = name.split(/\s+/).filter((w) => !/^\p{L}\.?$/u.test(w));
    return entityKey(words.join(' '));
  }
  return foldAccents(name)
    .replace(/^the\s+/, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .join('-');
}
