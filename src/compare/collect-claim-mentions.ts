import type { Attribution, CueClass } from '../model/annotations.js';
import { isPlausibleSpeaker } from './plausible-speaker.js';
import { readPolarity } from './read-polarity.js';
import { factIdAt, isUnverifiedAt, sentenceIndexAt, type StoryContext } from './story-context.js';
import { spanConcepts } from './to-concepts.js';

/** One attribution of one article, ready to be grouped into a claim. */
export interface ClaimMention {
  articleIndex: number;
  attribution: Attribution;
  speaker: string;
  speakerKey: string | null;
  stance: CueClass;
  concepts: Set<string>;
  sentenceIndex: number;
  factId: string | null;
  negated: boolean;
  unverified: boolean;
  /** The content points back at an earlier statement ("this assertion", "Moscow's claims"). */
  anaphoric: boolean;
}

// Words that dismiss what another side says; an evaluation using them rebuts.
const DISMISSIVE =
  /\b(?:propaganda|lies?|lying|false(?:hood)?|fake|baseless|groundless|fabricat\w*|nonsense|disinformation|misinformation|untrue|absurd|unfounded|bogus)\b/i;
const ANAPHORIC =
  /^(?:(?:this|that|these|those|the|such)\s+|[\p{L}’'.\s]+['’]s\s+)(?:latest\s+)?(?:claims?|assertions?|statements?|announcements?|proclamations?|allegations?|accounts?|reports?|version|narrative)\b/iu;
const MIN_CONCEPTS = 2;

export function collectClaimMentions(ctx: StoryContext): ClaimMention[] {
  const out: ClaimMention[] = [];
  ctx.annotations.forEach((ann, articleIndex) => {
    const text = ctx.articles[articleIndex]!.text;
    for (const attribution of ann.attributions) {
      if (attribution.source === null || !isPlausibleSpeaker(attribution.source.text, attribution.sourceKey))
        continue;
      const { content } = attribution;
      const concepts = spanConcepts(text, content.start, content.end, ann);
      const sentenceIndex = sentenceIndexAt(ann.sentences, attribution.cue.start);
      const sentence = ann.sentences[sentenceIndex]?.text ?? content.text;
      const anaphoric = ANAPHORIC.test(content.text.trim());
      if (concepts.size < MIN_CONCEPTS && !anaphoric) continue;
      const dismissive = attribution.cueClass === 'evaluate' && DISMISSIVE.test(sentence);
      const polarity = readPolarity(content.text, content.start, ann);
      out.push({
        articleIndex,
        attribution,
        speaker: speakerName(attribution, ann.mentions),
        speakerKey: attribution.sourceKey,
        stance: dismissive ? 'deny' : attribution.cueClass,
        concepts,
        sentenceIndex,
        factId: factIdAt(ctx, articleIndex, attribution.cue.start),
        negated: polarity?.polarity === 'negated',
        unverified: isUnverifiedAt(ctx, articleIndex, content.start),
        anaphoric: anaphoric || dismissive,
      });
    }
  });
  return out;
}

const PERSON_PRONOUN = /^(?:he|she)$/i;

/**
 * The speaker as the report shows it: the source as written, or for "he" / "she" the name of the
 * person the annotation resolved it to ("she" → "Ruth Roe"), so that a claim reads on its own.
 * "They" and "it" stay as written: they resolve to the last entity of any kind, often a place.
 */
function speakerName(attribution: Attribution, mentions: { key: string; name: string }[]): string {
  const named =
    attribution.sourceKey === null ? undefined : mentions.find((m) => m.key === attribution.sourceKey);
  const written = attribution.source!.text.trim().replace(/[,\s]+$/, '');
  if (named && PERSON_PRONOUN.test(written)) return named.name;
  return written || named?.name || '';
}
