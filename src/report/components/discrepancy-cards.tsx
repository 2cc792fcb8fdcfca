import type { Discrepancy } from '../../model/comparison.js';
import type { CiteContext } from './cite-context.js';
import { Citations } from './citations.js';
import { SectionHeading } from './section-heading.js';

export interface DiscrepancyCardsProps {
  discrepancies: readonly Discrepancy[];
  ctx: CiteContext;
  level: 2 | 3 | 4;
  /** Quotes shown per variant; the rest are counted. */
  maxQuotes?: number;
}

/** One card per subject the sources disagree on, with each version and the quotes behind it. */
export function DiscrepancyCards({ discrepancies, ctx, level, maxQuotes = 3 }: DiscrepancyCardsProps) {
  if (!discrepancies.length) return null;
  return (
    <section class="discrepancy-section" aria-label="Where the sources differ">
      <SectionHeading level={level}>Where the sources differ</SectionHeading>
      <ul class="cards">
        {discrepancies.map((d) => (
          <li class="card discrepancy" key={d.id} data-discrepancy={d.id}>
            <span class="kind">{d.kind}</span>
            <p class="card-subject">{d.subject}</p>
            <ul class="variants">
              {d.variants.map((v, i) => (
                <li class="variant" key={i}>
                  <strong class="variant-value">{v.value}</strong> <Citations ids={v.articleIds} ctx={ctx} />
                  {v.quotes.slice(0, maxQuotes).map((q, j) => (
                    <blockquote key={j}>{q}</blockquote>
                  ))}
                  {v.quotes.length > maxQuotes ? (
                    <p class="muted more">and {v.quotes.length - maxQuotes} more</p>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
