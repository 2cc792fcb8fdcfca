import type { Claim } from '../model/comparison.js';
import type { ClaimGroup } from './group-claims.js';
import { weighConcepts, weightedJaccard } from './weigh-concepts.js';

const RELATED = 0.2;
// Support needs closer wording than rebuttal: agreeing statements repeat each other.
const SUPPORTS = 0.35;
// How far back (in sentences) a rebuttal that only points at "the claim" may reach.
const ANAPHOR_WINDOW = 3;

function differentSpeakers(a: ClaimGroup, b: ClaimGroup): boolean {
  const ka = a[0]!.speakerKey;
  const kb = b[0]!.speakerKey;
  if (ka !== null && kb !== null) return ka !== kb;
  // Unresolved speakers ("the rebels") are told apart by their head word.
  const head = (g: ClaimGroup): string => g[0]!.speaker.toLowerCase().split(/\s+/).pop() ?? '';
  return ka === null && kb === null && head(a) !== '' && head(a) !== head(b);
}

const isDenial = (g: ClaimGroup): boolean => g.some((m) => m.stance === 'deny');
const isAssertion = (g: ClaimGroup): boolean => g.some((m) => m.stance === 'assert' || m.stance === 'allege');

/**
 * Links claims of different speakers about one proposition: a denial (deny-class cue or
 * a dismissal) or a negated content rebuts the claim whose content it shares, or, when it
 * only points back ("disputed this assertion"), the most widely reported claim of another
 * speaker just before it in the same article; same-polarity statements support each other.
 */
export function linkClaims(groups: ClaimGroup[], claims: Claim[]): void {
  const weights = weighConcepts(groups.flatMap((g) => g.map((m) => m.concepts)));
  const related = (a: ClaimGroup, b: ClaimGroup): boolean =>
    a.some((x) =>
      b.some(
        (y) =>
          weightedJaccard(x.concepts, y.concepts, weights) >= RELATED ||
          (x.factId !== null && x.factId === y.factId),
      ),
    );
  const closely = (a: ClaimGroup, b: ClaimGroup): boolean =>
    a.some((x) => b.some((y) => weightedJaccard(x.concepts, y.concepts, weights) >= SUPPORTS));
  const link = (list: string[], id: string): void => {
    if (!list.includes(id)) list.push(id);
  };
  groups.forEach((b, j) => {
    const rebuts = isDenial(b) || b.some((m) => m.negated);
    groups.forEach((a, i) => {
      if (i === j || !differentSpeakers(a, b) || !isAssertion(a)) return;
      if (related(a, b)) {
        if (rebuts && !a.some((m) => m.negated)) link(claims[i]!.rebuttedBy, claims[j]!.id);
        else if (!rebuts && !isDenial(a) && i < j && closely(a, b))
          link(claims[i]!.supportedBy, claims[j]!.id);
      }
    });
    // A denial that shares no wording with any claim points back at the one just before it.
    const linked = claims.some((c) => c.rebuttedBy.includes(claims[j]!.id));
    if (!isDenial(b) || (linked && !b.some((m) => m.anaphoric))) return;
    for (const m of b.filter((x) => x.anaphoric || !linked)) {
      // "Russian assertions", "Moscow's claims": the content may name whose statement it rejects.
      const named = new Set([...m.concepts].filter((c) => c.startsWith('E:')).map((c) => c.slice(2)));
      let best = -1;
      let bestScore = -1;
      groups.forEach((a, i) => {
        if (i === j || !differentSpeakers(a, b) || !isAssertion(a)) return;
        const isNamed = named.has(a[0]!.speakerKey!);
        const before = a.some(
          (x) =>
            (x.stance === 'assert' || x.stance === 'allege') &&
            x.articleIndex === m.articleIndex &&
            x.attribution.start < m.attribution.start &&
            (isNamed || x.sentenceIndex >= m.sentenceIndex - ANAPHOR_WINDOW),
        );
        const score = (isNamed ? 1000 : 0) + a.length;
        if (before && score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      if (best >= 0) link(claims[best]!.rebuttedBy, claims[j]!.id);
    }
  });
}
