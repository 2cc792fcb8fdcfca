import * as chrono from 'chrono-node';
import type { SeenDate } from '../../model/article.js';
import { isoFromComponents } from './parse-date-line.js';

export interface Dateline {
  raw: string;
  place: string;
  agency: string | null;
  date: SeenDate | null;
}

// "KYIV, April 26 (Reuters) — ", "WASHINGTON (AP) — ", "Lagos, Nigeria — ", "PARIS, 3 May -- "
const DATELINE =
  /^((?:\p{Lu}[\p{L}.'-]*)(?:[ -]\p{Lu}[\p{L}.'-]*){0,3}(?:, (?:\p{Lu}[\p{L}.'-]*)(?:[ -]\p{Lu}[\p{L}.'-]*){0,2})?)(?:,\s*((?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}\.?)(?:,? \d{4})?))?\s*(?:\(([^()]{2,40})\))?\s*(?:—|–|--|-)\s+/u;

/**
 * Reads a dateline at the start of the first body paragraph. The dateline stays in
 * the text (it is part of the first sentence); its date joins `dates` when a year can
 * be had from the dateline itself or from `referenceYear`.
 */
export function readDateline(paragraph: string, referenceYear: number | null): Dateline | null {
  const match = DATELINE.exec(paragraph);
  if (!match) return null;
  const [raw, place, dateText, agency] = match;
  if (!place || !raw) return null;
  // Without a date or an agency, only an all-caps place ("WASHINGTON —") or "City, Country —" is a dateline.
  if (!dateText && !agency && !(place === place.toUpperCase() || place.includes(', '))) return null;
  let date: SeenDate | null = null;
  if (dateText) {
    const ref = new Date(Date.UTC(referenceYear ?? 2000, 6, 1));
    const parsed = chrono.parse(dateText, ref)[0];
    if (parsed && (parsed.start.isCertain('year') || referenceYear !== null)) {
      const iso = isoFromComponents(parsed.start);
      const value = parsed.start.isCertain('year') ? iso : `${referenceYear}${iso.slice(4)}`;
      date = { value, raw: raw.trim(), where: 'dateline' };
    }
  }
  return { raw: raw.trim(), place, agency: agency ?? null, date };
}
