import type { Claim } from '../model/comparison.js';
import type { ClaimMention } from './collect-claim-mentions.js';
import { unique, type StoryContext } from './story-context.js';
import { weighConcepts, weightedOverlap } from './weigh-concepts.js';

/** Mentions of one claim across articles. */
export type ClaimGroup = ClaimMention[];

const SAME_CONTENT = 0.45;

function sameSpeaker(a: ClaimMention, b: ClaimMention): boolean {
  if (a.speakerKey !== null || b.speakerKey !== null) return a.speakerKey === b.speakerKey;
  return a.speaker.toLowerCase() === b.speaker.toLowerCase();
}

const isDenial = (m: ClaimMention): boolean => m.stance === 'deny';

/** Attributions grouped across articles: one speaker, and one aligned fact or similar content. */
export function groupClaims(mentions: ClaimMention[]): ClaimGroup[] {
  const weights = weighConcepts(mentions.map((m) => m.concepts));
  const groups: ClaimGroup[] = [];
  for (const m of mentions) {
    const home = groups.find(
      (g) =>
        !g.some((o) => o.articleIndex === m.articleIndex) &&
        g.every((o) => sameSpeaker(o, m) && o.negated === m.negated && isDenial(o) === isDenial(m)) &&
        g.some(
          (o) =>
            (o.factId !== null && o.factId === m.factId) ||
            weightedOverlap(o.concepts, m.concepts, weights) >= SAME_CONTENT,
        ),
    );
    if (home) home.push(m);
    else groups.push([m]);
  }
  return groups.sort((a, b) => b.length - a.length || a[0]!.articleIndex - b[0]!.articleIndex);
}

/** The claim a group stands for, without its links (filled in by linkClaims). */
export function toClaim(ctx: StoryContext, group: ClaimGroup, id: string): Claim {
  const fullest = [...group].sort((a, b) => b.concepts.size - a.concepts.size)[0]!;
  const first = group[0]!;
  return {
    id,
    speaker: first.speaker,
    speakerKey: first.speakerKey,
    cue: first.attribution.cue.text,
    stance: first.stance,
    content: fullest.attribution.content.text,
    articleIds: unique(group.map((m) => ctx.articles[m.articleIndex]!.id)),
    rebuttedBy: [],
    supportedBy: [],
    verified: group.some((m) => m.unverified) ? false : null,
  };
}
