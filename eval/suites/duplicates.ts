/**
 * `npm run eval -- duplicates [--copies N] [--seed S]`: the duplicate-and-rewrite benchmark.
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
import { findDerivations } from '../../src/stories/find-derivations.js';
import { dataDir } from '../data-dir.js';
import { makeCopy, makeRandom, type Copy } from '../stories/make-copies.js';
import { option } from '../../scripts/suite-args.js';

interface Row {
  id: string;
  text: string;
  published: string | null;
  contentHash: string;
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
  }));
  const gold = new Map<string, { origin: string; donor: string; copy: Copy; dated: boolean }>();
  for (let k = 0; k < copies; k++) {
    const origin = rows[Math.floor(random() * rows.length)] as Row;
    const donor = rows[Math.floor(random() * rows.length)] as Row;
    const copy = makeCopy(origin.text, donor.text, random);
    const id = `copy-${k}-of-${origin.id}`;
    const dated = random() < 0.5;
    gold.set(id, { origin: origin.id, donor: donor.id, copy, dated });
    rows.push({
      id,
      text: copy.text,
      published: dated ? '2020-01-02T12:00:00Z' : null,
      contentHash: hashOf(copy.text),
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
  const edges = findDerivations(rows).filter((e) => e.kind !== 'shared-source');
  const elapsed = Date.now() - started;

  const key = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const goldPairs = new Map([...gold].map(([copyId, g]) => [key(g.origin, copyId), { copyId, ...g }]));
  let truePositives = 0;
  let withCopy = 0;
  let amongOriginals = 0;
  let copyToCopy = 0;
  let viaOriginal = 0;
  let donorPairs = 0;
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
  const direction = { dated: { right: 0, wrong: 0, none: 0 }, undated: { right: 0, wrong: 0, none: 0 } };
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
    } else if (
      [edge.from, edge.to].some(
        (id) =>
          gold.get(id)?.copy.edits.includes('add') &&
          [edge.from, edge.to].includes(gold.get(id)?.donor ?? ''),
      )
    ) {
      // The copy took sentences from this article (the "add" edit): a real reuse, counted apart.
      donorPairs++;
    } else if (args.includes('--show')) {
      const c = gold.get(edge.from) ?? gold.get(edge.to);
      const other = gold.has(edge.from) ? edge.to : edge.from;
      const donor = gold.get(other) ? 'copy' : 'original';
      console.log(
        `FP ${donor} ${edge.kind} ${edge.similarity} aligned ${edge.alignedSentences} edits ${c?.copy.edits.join('+')} kept ${c?.copy.kept.toFixed(2)}`,
      );
    }
  }
  const half = [...goldPairs].filter(([, g]) => g.copy.kept >= 0.5);
  const recallOf = (pairs: [string, unknown][]): string =>
    `${(pairs.filter(([k]) => found.has(k)).length / Math.max(1, pairs.length)).toFixed(3)} (${pairs.filter(([k]) => found.has(k)).length}/${pairs.length})`;
  console.log(`${originals.length} originals + ${copies} copies; derivations in ${elapsed} ms`);
  console.log(
    `precision (duplicate/rewrite edges touching a copy): ${(truePositives / Math.max(1, withCopy)).toFixed(3)} (${truePositives}/${withCopy}; ${copyToCopy} are copy↔copy of one origin, ${viaOriginal} pairs related through near-duplicate originals)`,
  );
  console.log(
    `precision counting a copy's reuse of the article its added sentences came from as correct: ${((truePositives + donorPairs) / Math.max(1, withCopy)).toFixed(3)} (${donorPairs} such pairs)`,
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
