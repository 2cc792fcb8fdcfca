import type { QuantityQualifier } from '../../model/annotations.js';

/**
 * Words before a number that say how exact it is, mapped to the design's classes.
 * Lower case; longer phrases are tried first by the matcher.
 *
 * "nearly"/"almost" name a value approached from below; they are filed under
 * `about` because two reports of "nearly 1,000" and "about 1,000" describe the same
 * estimate and must compare as such.
 * "as many as"/"up to" give the top of what is claimed, so `at-most`.
 */
export const QUALIFIERS: Readonly<Record<string, QuantityQualifier>> = {
  exactly: 'exact',
  precisely: 'exact',
  'a total of': 'exact',
  about: 'about',
  around: 'about',
  'round about': 'about',
  approximately: 'about',
  approx: 'about',
  roughly: 'about',
  some: 'about',
  'an estimated': 'about',
  estimated: 'about',
  'an approximate': 'about',
  'close to': 'about',
  nearly: 'about',
  almost: 'about',
  'just under': 'less-than',
  'just over': 'more-than',
  'just shy of': 'about',
  'in the region of': 'about',
  'on the order of': 'about',
  'more or less': 'about',
  'or so': 'about',
  'at least': 'at-least',
  'no fewer than': 'at-least',
  'no less than': 'at-least',
  'not less than': 'at-least',
  'a minimum of': 'at-least',
  'upwards of': 'more-than',
  'more than': 'more-than',
  over: 'more-than',
  above: 'more-than',
  'in excess of': 'more-than',
  exceeding: 'more-than',
  'north of': 'more-than',
  'greater than': 'more-than',
  'well over': 'more-than',
  'well above': 'more-than',
  'up to': 'at-most',
  'at most': 'at-most',
  'as many as': 'at-most',
  'as much as': 'at-most',
  'no more than': 'at-most',
  'not more than': 'at-most',
  'a maximum of': 'at-most',
  'fewer than': 'less-than',
  'less than': 'less-than',
  under: 'less-than',
  below: 'less-than',
  'short of': 'less-than',
  'well under': 'less-than',
  'well below': 'less-than',
};
