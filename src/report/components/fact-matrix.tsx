import type { Discrepancy, Fact } from '../../model/comparison.js';
import type { CiteContext } from './cite-context.js';
import { Citations } from './citations.js';
import { factMatrix, type FactCell } from './fact-matrix-cells.js';
import { SectionHeading } from './section-heading.js';

export interface FactMatrixProps {
  facts: readonly Fact[];
  discrepancies: readonly Discrepancy[];
  articleIds: readonly string[];
  ctx: CiteContext;
  level: 2 | 3 | 4;
}

const CELL_TEXT: Record<FactCell, string> = {
  reported: 'reported',
  omitted: '—',
  contradicted: 'contradicted',
};

/** Facts × sources: which source reports, omits or contradicts each fact. */
export function FactMatrix({ facts, discrepancies, articleIds, ctx, level }: FactMatrixProps) {
  if (!facts.length) return null;
  const rows = factMatrix(facts, discrepancies, articleIds);
  return (
    <section class="matrix-section" aria-label="Fact matrix">
      <SectionHeading level={level}>Fact matrix</SectionHeading>
      <p class="muted legend">
        <span class="cell-reported">reported</span> <span class="cell-contradicted">contradicted</span>{' '}
        <span class="cell-omitted">— omitted</span>; status counts copies of one origin once.
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Fact matrix table">
        <table class="fact-matrix">
          <thead>
            <tr>
              <th scope="col">fact</th>
              <th scope="col">status (independent sources)</th>
              {articleIds.map((id) => (
                <th scope="col" key={id} data-article={id}>
                  <span class="column-source">{ctx.source(id)}</span>
                  <Citations ids={[id]} ctx={ctx} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ fact, cells }) => (
              <tr key={fact.id} data-fact={fact.id}>
                <th scope="row" class="fact-text">
                  {fact.text}
                </th>
                <td class={`status status-${fact.status}`}>
                  {fact.status} ({fact.independentSources})
                </td>
                {cells.map((cell, i) => (
                  <td key={articleIds[i]} class={`cell-${cell}`} data-cell={cell}>
                    {CELL_TEXT[cell]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
