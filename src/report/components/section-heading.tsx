import type { ComponentChildren } from 'preact';

/** Section headings sit one level below the page's story heading (h3 in the static report, h2 in the app). */
export function SectionHeading({ level, children }: { level: 2 | 3; children: ComponentChildren }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>;
}
