import type { Attribution, Mention } from '../model/annotations.js';
import { PLACE_HEADS } from './mentions/find-mentions.js';
import { isFirstName } from './mentions/lexicon-tags.js';
import { lookupPlace } from './mentions/lookup-words.js';
import { joinMentionsInArticle } from './mentions/resolve-entity-keys.js';

/**
 * A place does not speak: a name typed a place only by the look of its last word ("Mark Hill",
 * "Tom Field": hill, field) that is the source of an attribution ("…, said Mark Hill") and
 * opens with a given name is a person, in every mention of it in the article. The name must
 * open the source span ("residents of Mark Hill said" speak about a place). Names the place
 * lexicon knows stay places, and so do demonyms. The mentions are joined again inside the
 * article afterwards, so the person's surname alone ("Hill") takes the full name's key.
 * Returns the mentions unchanged when nothing was retyped.
 */
export function speakersArePeople(mentions: Mention[], attributions: readonly Attribution[]): Mention[] {
  const sources = attributions.flatMap((a) => (a.source ? [a.source] : []));
  if (sources.length === 0) return mentions;
  const speakers = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'place' || m.demonym === true || !isSpokenName(m)) continue;
    // The name heads the source ("Mark Hill, a teacher, said"), not a phrase about a place
    // ("residents of Mark Hill said").
    if (sources.some((s) => m.start === s.start && m.end <= s.end)) speakers.add(m.key);
  }
  if (speakers.size === 0) return mentions;
  const retyped = mentions.map((m) =>
    m.type === 'place' && speakers.has(m.key) ? { ...m, type: 'person' as const } : m,
  );
  return joinMentionsInArticle(retyped);
}

/**
 * Two or three words, the first a given name and the last no head of a place's name (hill,
 * field or pond may end a surname; county, city or street do not), the whole not a place the
 * lexicon knows.
 */
function isSpokenName(m: Mention): boolean {
  const words = m.name.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    isFirstName(words[0]!) &&
    !PLACE_HEADS.has(words[words.length - 1]!) &&
    lookupPlace(words) === undefined
  );
}
