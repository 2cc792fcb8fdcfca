/**
 * `npm run eval -- duplicates [--copies N] [--seed S] [--common N] [--rewrite X] [--candidates N] [--show]`: the duplicate-and-rewrite benchmark.
 * Real articles (ECB+ and BASIL) get synthetic copies (boilerplate changed, truncated,
 * paragraphs reordered, sentences dropped or added, words substituted), mixed into all
 * the originals. Scores: precision and recall of copy pairs found as duplicate or rewrite
 * edges (recall over copies that keep at least half of the text, and over all), and
 * direction accuracy — with publication times, and without them (containment only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { normalizeText } from '../../src/similarity/tokenize.js';
import { defaultDerivationOptions, findDerivations } from '../../src/stories/find-derivations.js';
import { dataDir } from '../data-dir.js';
import { makeCopy, makeRandom, sentenceList, type Copy } from '../stories/make-copies.js';
import { option } from '../../scripts/suite-args.js';

interface Row {
  id: string;
  text: string;
  published: string | null;
  contentHash: string;
  /** Provenance of each sentence (see `Copy.sources`): `<original id>#<index>`, null for boilerplate. */
  sources: (string | null)[];
}

/** Share of `a`'s tagged sentences whose provenance is also in `b`. */
function sharedShare(a: readonly (string | null)[], b: ReadonlySet<string | null>): number {
  let tagged = 0;
  let shared = 0;
  for (const tag of a) {
    if (tag === null) continue;
    tagged++;
    if (b.has(tag)) shared++;
  }
  return tagged === 0 ? 0 : shared / tagged;
}

const hashOf = (text: string): string => createHash('sha256').update(normalizeText(text)).digest('hex');

function readJsonl(file: string): { id: string; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string });
}

export async function run(args: string[]): Promise<void> {
  const dir = dataDir();
  const copies = Number(option(args, '--copies') ?? 400);
  const random = makeRandom(Number(option(args, '--seed') ?? 7));
  const originals = [
    ...readJsonl(join(dir, 'ecbplus', 'articles.jsonl')),
    ...readJsonl(join(dir, 'basil', 'articles.jsonl')),
  ].filter((a) => a.text.split(/\s+/).length >= 80);
  const rows: Row[] = originals.map((a) => ({
    id: a.id,
    text: a.text,
    published: null,
    contentHash: hashOf(a.text),
    sources: sentenceList(a.text).map((_, i) => `${a.id}#${i}`),
  }));
  const gold = new Map<string, { origin: string; donor: string; copy: Copy; dated: boolean }>();
  for (let k = 0; k < copies; k++) {
    const origin = rows[Math.floor(random() * rows.length)] as Row;
    const donor = rows[Math.floor(random() * rows.length)] as Row;
    const copy = makeCopy(origin.text, donor.text, random, { origin: origin.sources, donor: donor.sources });
    const id = `copy-${k}-of-${origin.id}`;
    const dated = random() < 0.5;
    gold.set(id, { origin: origin.id, donor: donor.id, copy, dated });
    rows.push({
      id,
      text: copy.text,
      published: dated ? '2020-01-02T12:00:00Z' : null,
      contentHash: hashOf(copy.text),
      sources: copy.sources,
    });
  }
  // Copies with a date get an origin dated a day earlier; the others carry no date.
  const datedOrigins = new Set([...gold.values()].filter((g) => g.dated).map((g) => g.origin));
  for (const row of rows) if (datedOrigins.has(row.id)) row.published = '2020-01-01T12:00:00Z';
  // Shuffle so copies are not next to their origins.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as Row, rows[i] as Row];
  }

  const started = Date.now();
  const options = defaultDerivationOptions();
  const common = option(args, '--common');
  if (common !== null) options.commonSentence = Number(common);
  const candidates = option(args, '--candidates');
  if (candidates !== null) options.maxCandidates = Number(candidates);
  const rewrite = option(args, '--rewrite');
  if (rewrite !== null) options.thresholds = { ...options.thresholds, rewrite: Number(rewrite) };
  const edges = findDerivations(rows, options).filter((e) => e.kind !== 'shared-source');
  const elapsed = Date.now() - started;

  const key = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const goldPairs = new Map([...gold].map(([copyId, g]) => [key(g.origin, copyId), { copyId, ...g }]));
  let truePositives = 0;
  let withCopy = 0;
  let amongOriginals = 0;
  let copyToCopy = 0;
  let viaOriginal = 0;
  let reusePairs = 0;
  const found = new Set<string>();
  // Families: each copy with its origin, and originals joined by edges found between them.
  const family = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (family.has(r)) r = family.get(r) as string;
    return r;
  };
  const unite = (a: string, b: string): void => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) family.set(ra, rb);
  };
  for (const [copyId, g] of gold) unite(copyId, g.origin);
  for (const e of edges) if (!gold.has(e.from) && !gold.has(e.to)) unite(e.from, e.to);
  const related = (a: string, b: string): boolean => root(a) === root(b);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tagSets = new Map<string, Set<string | null>>();
  const tagsOf = (id: string): Set<string | null> => {
    let set = tagSets.get(id);
    if (!set) tagSets.set(id, (set = new Set(byId.get(id)?.sources)));
    return set;
  };
  /** The larger share of either text's sentences that come, by construction, from the other's. */
  const provenanceShare = (a: string, b: string): number =>
    Math.max(
      sharedShare(byId.get(a)?.sources ?? [], tagsOf(b)),
      sharedShare(byId.get(b)?.sources ?? [], tagsOf(a)),
    );
  const direction = { dated: { right: 0, wrong: 0, none: 0 }, undated: { right: 0, wrong: 0, none: 0 } };
  const falseShares: number[] = [];
  for (const edge of edges) {
    const k = key(edge.from, edge.to);
    const isCopy = (id: string): boolean => gold.has(id);
    if (!isCopy(edge.from) && !isCopy(edge.to)) {
      amongOriginals++;
      continue;
    }
    withCopy++;
    const g = goldPairs.get(k);
    if (g) {
      truePositives++;
      found.add(k);
      const tally = g.dated ? direction.dated : direction.undated;
      if (!edge.directed) tally.none++;
      else if (edge.from === g.origin) tally.right++;
      else tally.wrong++;
    } else if (
      isCopy(edge.from) &&
      isCopy(edge.to) &&
      gold.get(edge.from)?.origin === gold.get(edge.to)?.origin
    ) {
      // Two copies of the same origin are copies of each other: correct, not a gold pair.
      truePositives++;
      copyToCopy++;
    } else if (related(edge.from, edge.to)) {
      // Both descend from texts that overlap in the data itself (ECB+ holds near-duplicate reports).
      truePositives++;
      viaOriginal++;
    } else if (provenanceShare(edge.from, edge.to) >= 0.5) {
      // At least half of one text is, by construction, sentences of the other (a copy that
      // took added sentences from it, or from its origin or one of its copies): real reuse.
      reusePairs++;
    } else {
      falseShares.push(provenanceShare(edge.from, edge.to));
      if (args.includes('--show')) {
        const c = gold.get(edge.from) ?? gold.get(edge.to);
        const other = gold.has(edge.from) ? edge.to : edge.from;
        console.log(
          `FP ${edge.from} ${edge.to} (other is ${gold.get(other) ? 'a copy' : 'an original'}) ${edge.kind} ${edge.similarity} aligned ${edge.alignedSentences} edits ${c?.copy.edits.join('+')} kept ${c?.copy.kept.toFixed(2)} shared ${provenanceShare(edge.from, edge.to).toFixed(2)}`,
        );
      }
    }
  }
  const half = [...goldPairs].filter(([, g]) => g.copy.kept >= 0.5);
  const recallOf = (pairs: [string, unknown][]): string =>
    `${(pairs.filter(([k]) => found.has(k)).length / Math.max(1, pairs.length)).toFixed(3)} (${pairs.filter(([k]) => found.has(k)).length}/${pairs.length})`;
  console.log(`${originals.length} originals + ${copies} copies; derivations in ${elapsed} ms`);
  const partial = falseShares.filter((x) => x > 0).length;
  console.log(
    `precision (duplicate/rewrite edges touching a copy): ${((truePositives + reusePairs) / Math.max(1, withCopy)).toFixed(3)} (${truePositives + reusePairs}/${withCopy}; ${copyToCopy} are copy↔copy of one origin, ${viaOriginal} pairs related through near-duplicate originals, ${reusePairs} where half of one text is sentences of the other by construction)`,
  );
  console.log(
    `  false pairs: ${falseShares.length} (${partial} share some sentences by construction, less than half; ${falseShares.length - partial} share none)`,
  );
  console.log(
    `  strict precision (only copy↔origin, copies of one origin, near-duplicate originals): ${(truePositives / Math.max(1, withCopy)).toFixed(3)}`,
  );
  console.log(`recall, copies keeping ≥ half the text: ${recallOf(half)}`);
  console.log(`recall, all copies: ${recallOf([...goldPairs])}`);
  console.log(`edges between two originals (real overlaps in the data, not scored): ${amongOriginals}`);
  const acc = (t: { right: number; wrong: number; none: number }): string =>
    `${(t.right / Math.max(1, t.right + t.wrong)).toFixed(3)} of directed (right ${t.right}, wrong ${t.wrong}, undirected ${t.none})`;
  console.log(`direction with publication times: ${acc(direction.dated)}`);
  console.log(`direction without times (containment): ${acc(direction.undated)}`);
  const byEdit = new Map<string, [number, number]>();
  for (const [k, g] of half)
    for (const e of g.copy.edits) {
      const t = byEdit.get(e) ?? [0, 0];
      byEdit.set(e, [t[0] + (found.has(k) ? 1 : 0), t[1] + 1]);
    }
  console.log(
    `recall by edit (≥ half kept): ${[...byEdit].map(([e, [f, n]]) => `${e} ${f}/${n}`).join(', ')}`,
  );
}
