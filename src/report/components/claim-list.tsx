import type { Claim } from '../../model/comparison.js';
import type { CiteContext } from './cite-context.js';
import { Citations } from './citations.js';
import { SectionHeading } from './section-heading.js';

export interface ClaimListProps {
  claims: readonly Claim[];
  ctx: CiteContext;
  level: 2 | 3 | 4;
}

function ClaimLine({ claim, ctx }: { claim: Claim; ctx: CiteContext }) {
  return (
    <>
      <strong class="speaker">{claim.speaker}</strong> {claim.cue}: <q>{claim.content}</q>{' '}
      <Citations ids={claim.articleIds} ctx={ctx} />
      {claim.verified === false ? <span class="unverified"> (marked unverified)</span> : null}
      {claim.verified === true ? <span class="verified"> (marked confirmed)</span> : null}
    </>
  );
}

/** Who claims what, with the claims that rebut each one: disputes between actors, not between sources. */
export function ClaimList({ claims, ctx, level }: ClaimListProps) {
  if (!claims.length) return null;
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <section class="claims-section" aria-label="Claims and disputes">
      <SectionHeading level={level}>Claims and disputes</SectionHeading>
      <ul class="claims">
        {claims.map((claim) => {
          const rebuttals = claim.rebuttedBy.map((id) => byId.get(id)).filter((c) => c !== undefined);
          return (
            <li key={claim.id} data-claim={claim.id} class={rebuttals.length ? 'disputed' : undefined}>
              <ClaimLine claim={claim} ctx={ctx} />
              {rebuttals.length ? (
                <ul class="rebuttals">
                  {rebuttals.map((r) => (
                    <li key={r.id}>
                      <span class="kind">rebutted by</span> <ClaimLine claim={r} ctx={ctx} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
