/**
 * English function words. They carry no topic, so term vectors and rare-term indexes
 * leave them out; shingles keep them because copied wording includes them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according mr mrs ms would could may might
must shall one two new like get got us its it's also well even still back just year years time
people percent`.split(/\s+/),
);

/** True for words that carry topic: not a function word and not a single character. */
export function isContentWord(token: string): boolean {
  return token.length > 1 && !STOPWORDS.has(token);
}
