import type { ComponentChildren } from 'preact';

/** Section headings sit one level below the heading of their story (h3 in the static report, h2 or deeper in the app). */
export function SectionHeading({ level, children }: { level: 2 | 3 | 4; children: ComponentChildren }) {
  if (level === 2) return <h2>{children}</h2>;
  return level === 3 ? <h3>{children}</h3> : <h4>{children}</h4>;
}
