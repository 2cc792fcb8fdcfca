import type { CiteContext } from './cite-context.js';

export interface CitationsProps {
  ids: readonly string[];
  ctx: CiteContext;
  /** The sentence each article contributes, shown with the citation on hover and focus. */
  sentences?: ReadonlyMap<string, string>;
}

/**
 * "[1][3]": one link per cited article, in number order. The tip (source, title and the
 * cited sentence) sits inside the link, so it is read with it and shown by CSS on
 * hover and on keyboard focus, without script.
 */
export function Citations({ ids, ctx, sentences }: CitationsProps) {
  const cited = [...new Set(ids)]
    .map((id) => ({ id, n: ctx.number(id) }))
    .filter((c): c is { id: string; n: number } => c.n !== undefined)
    .sort((a, b) => a.n - b.n);
  return (
    <>
      {cited.map(({ id, n }) => {
        const sentence = sentences?.get(id);
        const tip = (
          <span class="cite-tip" role="tooltip">
            <span class="cite-source">{ctx.label(id)}</span>
            {sentence ? <q class="cite-sentence">{sentence}</q> : null}
          </span>
        );
        const href = ctx.href(id);
        return href === undefined ? (
          <span key={id} class="cite" tabIndex={0} data-article={id}>
            [{n}]{tip}
          </span>
        ) : (
          <a key={id} class="cite" href={href} data-article={id}>
            [{n}]{tip}
          </a>
        );
      })}
    </>
  );
}
