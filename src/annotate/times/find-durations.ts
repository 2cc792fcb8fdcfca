import type { TimeRef } from '../../model/annotations.js';
import { TENS_WORDS, UNIT_WORDS } from '../lexicon/number-words.js';

const NUMBER = `[0-9]+(?:\\.[0-9]+)?|a|an|(?:${Object.keys(TENS_WORDS).join('|')})(?:-(?:${Object.keys(UNIT_WORDS).join('|')}))?|${Object.keys(UNIT_WORDS).join('|')}`;
const DURATION_RE = new RegExp(
  `\\b(${NUMBER})[\\s-]+(second|minute|hour|day|week|fortnight|month|year|decade|centur)(?:s|y|ies)?\\b(?![\\s-]+(?:ago|old|earlier|later)\\b)`,
  'gi',
);
const DESIGNATOR: Record<string, [string, number]> = {
  second: ['S', 1],
  minute: ['M', 1],
  hour: ['H', 1],
  day: ['D', 1],
  week: ['W', 1],
  fortnight: ['W', 2],
  month: ['M', 1],
  year: ['Y', 1],
  decade: ['Y', 10],
  centur: ['Y', 100],
};

function numberValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^[0-9]/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  if (Object.hasOwn(UNIT_WORDS, w)) return UNIT_WORDS[w];
  const [tens, unit] = w.split('-');
  if (tens !== undefined && Object.hasOwn(TENS_WORDS, tens))
    return TENS_WORDS[tens]! + (unit ? (UNIT_WORDS[unit] ?? 0) : 0);
  return undefined;
}

/**
 * Durations ("eight months", "for three years", "a 10-day truce") as ISO 8601
 * periods. Spans followed by "ago"/"old"/"earlier"/"later" are points or ages, not
 * durations, and are left to the date rules; "eight months after the invasion" keeps
 * its duration, the time between two events.
 */
export function findDurations(text: string): TimeRef[] {
  const result: TimeRef[] = [];
  for (const m of text.matchAll(DURATION_RE)) {
    const n = numberValue(m[1]!);
    const unit = DESIGNATOR[m[2]!.toLowerCase()];
    if (n === undefined || unit === undefined) continue;
    // "a year" alone is too often part of "once a year", "a year earlier"; keep articles only with "for".
    if (/^an?$/i.test(m[1]!) && !/\bfor\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const [designator, factor] = unit;
    const amount = n * factor;
    const timePart =
      designator === 'S' || designator === 'H' || (designator === 'M' && m[2]!.toLowerCase() === 'minute');
    result.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      value: `P${timePart ? 'T' : ''}${amount}${designator}`,
      grain: 'duration',
      resolution: 'resolved',
    });
  }
  return result;
}
