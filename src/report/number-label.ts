import type { ReportedNumber } from '../model/comparison.js';

const WORDS_AROUND = 5;

/**
 * What a reported number is about, for a one-line listing: its counted phrase, or when the
 * annotation found none ("injuring 17"), the words around the number in its first quote,
 * so that a bare "17" is never listed on its own.
 */
export function numberLabel(num: ReportedNumber): string {
  if (num.subject.trim() !== '') return `${num.value} ${num.subject}`;
  const quote = (num.quotes[0] ?? '').replace(/\s+/g, ' ').trim();
  const at = quote.indexOf(num.value);
  if (at < 0) return num.value;
  const before = quote.slice(0, at).split(' ').filter(Boolean);
  const after = quote
    .slice(at + num.value.length)
    .split(' ')
    .filter(Boolean);
  const head = before.slice(-WORDS_AROUND).join(' ');
  const tail = after.slice(0, WORDS_AROUND).join(' ');
  return [
    before.length > WORDS_AROUND ? '…' : '',
    head,
    num.value,
    tail,
    after.length > WORDS_AROUND ? '…' : '',
  ]
    .filter(Boolean)
    .join(' ')
    .replace(/ ([,.;:])/g, '$1');
}
