import type { BriefItem, Fact } from '../../model/comparison.js';
import type { CiteContext } from './cite-context.js';
import { Citations } from './citations.js';
import { SectionHeading } from './section-heading.js';

export interface BriefProps {
  brief: readonly BriefItem[];
  facts: readonly Fact[];
  ctx: CiteContext;
  level: 2 | 3 | 4;
}

/** The sentence each cited article contributes to a brief item, from the facts it rests on. */
export function citedSentences(item: BriefItem, facts: readonly Fact[]): Map<string, string> {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const sentences = new Map<string, string>();
  for (const factId of item.factIds) {
    for (const support of byId.get(factId)?.support ?? []) {
      if (!sentences.has(support.articleId)) sentences.set(support.articleId, support.text);
    }
  }
  return sentences;
}

/** The cited brief: every sentence with the articles it rests on. */
export function Brief({ brief, facts, ctx, level }: BriefProps) {
  if (!brief.length) return null;
  return (
    <section class="brief-section" aria-label="Brief">
      <SectionHeading level={level}>Brief</SectionHeading>
      <ol class="brief">
        {brief.map((item, i) => (
          <li key={i}>
            <span class="brief-text">{item.text}</span>{' '}
            <Citations ids={item.articleIds} ctx={ctx} sentences={citedSentences(item, facts)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
