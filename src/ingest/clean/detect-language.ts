import { franc } from 'franc-min';

/** Fewer letters than this cannot be told apart reliably: the language is `und`. */
export const MIN_LANGUAGE_SAMPLE = 60;

/** ISO 639-3 code of the text's language, `und` when it is too short or unclear. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_LANGUAGE_SAMPLE) return 'und';
  return franc(sample, { minLength: MIN_LANGUAGE_SAMPLE });
}
