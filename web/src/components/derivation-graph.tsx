import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnalyzedStory } from '../../../src/report/analyze-articles.js';
import { sourceLabel, type ReportView } from '../../../src/report/report-view.js';
import { SectionHeading } from '../../../src/report/components/section-heading.js';
import { articlePath, navigate } from '../router.js';

const KIND_COLOR: Record<string, string> = {
  duplicate: '#a0001c',
  rewrite: '#b35c00',
  'shared-source': '#0b57d0',
};

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/**
 * Cytoscape adds an inline <style> (position: relative on its container) unless an element
 * with this id exists; the policy forbids inline style, so the rule is in styles.css and a
 * marker element stands in for the stylesheet.
 */
function preventInlineStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}

/**
 * The derivation edges drawn with cytoscape (canvas). The list of copies and rewrites above
 * says the same in text, so the canvas is an image to assistive technology.
 */
export function DerivationGraph({
  story,
  view,
  level,
}: {
  story: AnalyzedStory;
  view: ReportView;
  level: 2 | 3 | 4;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    // Loaded on demand: the story list does not pay for the graph library.
    import('cytoscape').then(
      ({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        preventInlineStylesheet();
        // On a phone the source names would overlap: the numbers match the citations and the sources list.
        const narrow = container.current.clientWidth < 560;
        const group = new Map<string, number>();
        story.independentGroups.forEach((ids, g) => ids.forEach((id) => group.set(id, g)));
        cy = cytoscape({
          container: container.current,
          elements: [
            ...story.articleIds.map((id) => {
              const article = view.article.get(id);
              return {
                data: {
                  id,
                  label: narrow
                    ? `[${view.number.get(id)}]`
                    : `[${view.number.get(id)}] ${article ? sourceLabel(article) : id}`,
                  group: group.get(id) ?? 0,
                },
              };
            }),
            ...story.derivations.map((d, i) => ({
              data: {
                id: `e${i}`,
                source: d.from,
                target: d.to,
                label: d.kind,
                color: KIND_COLOR[d.kind] ?? '#555',
                arrow: d.directed ? 'triangle' : 'none',
              },
            })),
          ],
          style: [
            {
              selector: 'node',
              style: {
                label: 'data(label)',
                'background-color': '#5f6368',
                color: '#1d1d1f',
                'font-size': 12,
                'font-family': 'system-ui, sans-serif',
                'text-valign': 'bottom',
                'text-margin-y': 4,
                'text-wrap': 'ellipsis',
                'text-max-width': '170px',
                width: 18,
                height: 18,
              },
            },
            {
              selector: 'edge',
              style: {
                label: 'data(label)',
                'font-size': 10,
                color: '#3c4043',
                'text-background-color': '#ffffff',
                'text-background-opacity': 1,
                'line-color': 'data(color)',
                'target-arrow-color': 'data(color)',
                'target-arrow-shape': 'data(arrow)' as 'triangle',
                'curve-style': 'bezier',
                width: 2,
              },
            },
          ],
          // Origins on top, their copies below; reports with no edge sit in the top row.
          layout: { name: 'breadthfirst', directed: true, padding: 30, spacingFactor: 1.1, animate: false },
          // A few nodes fitted to the box would be drawn huge: never enlarge past 1:1.
          maxZoom: 1,
          minZoom: 0.2,
          userZoomingEnabled: false,
          boxSelectionEnabled: false,
          autoungrabify: false,
        });
        cy.on('tap', 'node', (event) => navigate(articlePath(String(event.target.id()))));
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [story, view]);
  return (
    <section class="graph-section" aria-label="Derivation graph">
      <SectionHeading level={level}>Derivation graph</SectionHeading>
      <p class="muted">
        Who copies or rewrites whom (arrow from origin to copy);{' '}
        <span class="swatch swatch-duplicate">duplicate</span>{' '}
        <span class="swatch swatch-rewrite">rewrite</span>{' '}
        <span class="swatch swatch-shared-source">shared source</span>. Select a node to open the article.
      </p>
      {failed ? (
        <p class="error">The graph could not be drawn: {failed}</p>
      ) : (
        <div
          class="derivation-graph"
          ref={container}
          role="img"
          aria-label={`Derivation graph of ${story.articleIds.length} reports with ${story.derivations.length} edges; the list of copies and rewrites above gives the same in text.`}
        />
      )}
    </section>
  );
}
