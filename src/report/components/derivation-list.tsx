import type { Derivation } from '../../model/story.js';
import type { CiteContext } from './cite-context.js';
import { Citations } from './citations.js';
import { SectionHeading } from './section-heading.js';

export interface DerivationListProps {
  derivations: readonly Derivation[];
  ctx: CiteContext;
  level: 2 | 3 | 4;
}

/** Which reports copy or rewrite which: the text form of the derivation graph. */
export function DerivationList({ derivations, ctx, level }: DerivationListProps) {
  if (!derivations.length) return null;
  return (
    <section class="derivation-section" aria-label="Copies and rewrites">
      <SectionHeading level={level}>Copies and rewrites</SectionHeading>
      <ul class="derivations">
        {derivations.map((d) => (
          <li key={`${d.from}>${d.to}`}>
            {d.directed ? (
              <>
                <Citations ids={[d.to]} ctx={ctx} /> is a {d.kind} of <Citations ids={[d.from]} ctx={ctx} />
              </>
            ) : (
              <>
                <Citations ids={[d.from]} ctx={ctx} /> and <Citations ids={[d.to]} ctx={ctx} />: {d.kind}
              </>
            )}{' '}
            <span class="muted">(similarity {d.similarity.toFixed(2)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
