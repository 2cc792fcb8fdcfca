import type { Fact } from '../model/comparison.js';
import type { AlignedGroup } from './align-facts.js';
import { gradeFactStatus } from './grade-fact-status.js';
import type { FactUnit } from './split-fact-units.js';

/** A fact with the units behind it, kept for the later rules. */
export interface BuiltFact {
  fact: Fact;
  units: FactUnit[];
  /** Distinct origins that support it. */
  origins: Set<string>;
}

/** The member that shares most concepts with the others: the wording that stands for the group. */
function representative(units: FactUnit[]): FactUnit {
  let best = units[0]!;
  let bestScore = -1;
  for (const u of units) {
    let score = 0;
    for (const v of units) if (v !== u) for (const c of u.concepts) if (v.concepts.has(c)) score++;
    // Shorter wording wins ties: it is usually the plainer statement.
    if (score > bestScore || (score === bestScore && u.text.length < best.text.length)) {
      best = u;
      bestScore = score;
    }
  }
  return best;
}

/** Facts from aligned groups, most widely supported first, with ids f1, f2, … in that order. */
export function buildFacts(units: FactUnit[], groups: AlignedGroup[], totalOrigins: number): BuiltFact[] {
  const built = groups.map((group) => {
    const members = group.map((i) => units[i]!);
    const origins = new Set(members.map((u) => u.origin));
    return { members, origins };
  });
  built.sort(
    (a, b) =>
      b.origins.size - a.origins.size ||
      a.members[0]!.articleIndex - b.members[0]!.articleIndex ||
      a.members[0]!.start - b.members[0]!.start,
  );
  return built.map(({ members, origins }, k) => ({
    fact: {
      id: `f${k + 1}`,
      text: representative(members).text,
      status: gradeFactStatus(origins.size, totalOrigins),
      independentSources: origins.size,
      support: members.map((u) => ({ articleId: u.articleId, start: u.start, end: u.end, text: u.text })),
    },
    units: members,
    origins,
  }));
}
