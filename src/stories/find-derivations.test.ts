import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { alignSentences } from './align-sentences.js';
import {
  compactFingerprint,
  DerivationIndex,
  findDerivations,
  independenceGroups,
  PackedBlocks,
} from './find-derivations.js';
import { defaultFingerprintOptions, fingerprintArticle } from './fingerprint-article.js';
import { hashString } from '../similarity/hash32.js';
import { sentenceHashes } from '../similarity/sentence-hashes.js';

const paragraphs = [
  'The regional governor said on Tuesday that floodwaters had reached the old town after three days of heavy rain across the valley.',
  'Emergency crews evacuated more than four hundred residents from low-lying streets near the river overnight, officials said.',
  'The national weather service warned that another storm front was expected to arrive on Thursday and could bring further rain.',
  'Local businesses along the waterfront reported damage to stock and equipment, and several schools closed for the rest of the week.',
  'Engineers were inspecting two bridges whose foundations may have been weakened by the fast-moving water, the transport ministry said.',
  'Residents described watching the water rise within hours, and many spent the night in shelters set up in sports halls.',
];
const base = paragraphs.join('\n\n');
const unrelated =
  'The central bank kept interest rates unchanged on Wednesday, citing slowing inflation and a weaker labour market.\n\nAnalysts had expected the decision, which was backed by seven of the nine members of the rate-setting committee.';

const article = (id: string, text: string, published: string | null = null) => ({
  id,
  text,
  published,
  contentHash: `hash:${text}`,
});

describe('alignSentences', () => {
  it('should mark copied and lightly rewritten sentences and leave new ones out', () => {
    const a = sentenceHashes(
      'Emergency crews evacuated more than four hundred residents overnight. The mayor resigned on Monday.',
    );
    const b = sentenceHashes(
      'Emergency crews evacuated more than four hundred residents overnight. Rescue crews evacuated over four hundred residents overnight. Prices of bread rose sharply in March.',
    );
    const aligned = alignSentences(a, b);
    expect(aligned.map((x) => [x.from, x.to, x.kind])).toEqual([
      [0, 0, 'copied'],
      [0, 1, 'rewritten'],
    ]);
  });
});

describe('findDerivations', () => {
  it('should find an exact duplicate by content hash', () => {
    const edges = findDerivations([article('a', base), article('b', base), article('c', unrelated)]);
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ kind: 'duplicate', similarity: 1 });
  });

  it('should find a truncated, reworded copy and direct it by publication time', () => {
    const copy = paragraphs
      .slice(0, 4)
      .join('\n\n')
      .replace('heavy rain', 'torrential rain')
      .replace('Local businesses', 'Shops');
    const edges = findDerivations([
      article('copy', copy, '2024-05-02T10:00:00Z'),
      article('origin', base, '2024-05-01T08:00:00Z'),
      article('other', unrelated),
    ]);
    expect(edges).toEqual([
      expect.objectContaining({
        from: 'origin',
        to: 'copy',
        kind: 'rewrite',
        directed: true,
        directionBasis: 'published',
      }),
    ]);
  });

  it('should take the shorter text as the origin when the other is it plus additions', () => {
    const longer = `${base}\n\nThe prime minister is expected to visit the affected towns on Friday and announce emergency funding for repairs.\n\nInsurers said it was too early to estimate the total cost of the damage.`;
    const [edge] = findDerivations([article('longer', longer), article('shorter', base)]);
    expect(edge).toMatchObject({
      from: 'shorter',
      to: 'longer',
      directed: true,
      directionBasis: 'containment',
    });
  });

  it('should call two texts that share a few sentences a shared source, not a rewrite', () => {
    const a = [
      paragraphs[0],
      paragraphs[1],
      'A local historian recalled that the last flood of this size struck the town in 1953 and destroyed the market hall.',
      'The football club postponed its weekend match and offered its stadium as a storage depot for donated supplies.',
      'Volunteers from neighbouring villages brought sandbags, food and blankets to the shelters throughout the night.',
    ].join('\n\n');
    const b = [
      paragraphs[0],
      paragraphs[1],
      'Opposition politicians accused the government of cutting the budget for flood defences in the region two years ago.',
      'Farmers upstream said whole harvests of wheat and barley had been lost under the water in a matter of hours.',
      'The railway operator suspended services between the two largest towns until the tracks can be inspected.',
    ].join('\n\n');
    const [edge] = findDerivations([article('a', a), article('b', b)]);
    expect(edge).toMatchObject({ kind: 'shared-source', directed: false, alignedSentences: 2 });
  });

  it('should not count boilerplate lines found in many articles as shared wording', () => {
    const lines =
      'Sign up for our daily newsletter to get the top stories delivered to your inbox.\n\nThis article originally appeared on a partner site and is republished with permission.';
    const short = (n: number, body: string) => article(`short-${n}`, `${body}\n\n${lines}`);
    const fillers = paragraphs.map((p, i) => short(i, p));
    const a = short(
      10,
      'The mayor of the coastal city resigned on Monday after a long row over the harbour budget.',
    );
    const b = short(
      11,
      'A new species of frog was described by biologists working in the cloud forests of the north.',
    );
    const pair = (edges: ReturnType<typeof findDerivations>) =>
      edges.filter((e) => [e.from, e.to].sort().join() === 'short-10,short-11');
    // With only the pair carrying them, the two lines are most of each text: a rewrite.
    expect(pair(findDerivations([a, b]))).toHaveLength(1);
    // Among eight articles that carry them, they are boilerplate: no edge.
    expect(pair(findDerivations([...fillers, a, b]))).toEqual([]);
  });

  it('should verify a candidate again without the lines that became boilerplate since it was last verified', () => {
    const lines =
      'Sign up for our daily newsletter to get the top stories delivered to your inbox.\n\nThis article originally appeared on a partner site and is republished with permission.';
    const short = (n: number, body: string) => article(`short-${n}`, `${body}\n\n${lines}`);
    const body = paragraphs.slice(0, 3).join('\n\n');
    const a = short(10, body);
    const b = short(
      11,
      'A new species of frog was described by biologists working in the cloud forests of the north.',
    );
    const c = short(12, body.replace('heavy rain', 'torrential rain'));
    const options = defaultFingerprintOptions();
    const counted = [1, 2, 3, 4, 5, 6].map((i) =>
      compactFingerprint(
        fingerprintArticle(
          short(i, `Market number ${i} opened again this weekend on the old square in town.`),
          options,
        ),
      ),
    );
    const edgeToA = (edges: ReturnType<typeof findDerivations>) =>
      edges.find((e) => [e.from, e.to].includes('short-10'));
    // b verifies a while the lines are still a's own wording; six more articles carrying
    // them are then counted (without verifying a), so when c verifies a they are boilerplate.
    const later = new DerivationIndex();
    later.add(a);
    later.add(b);
    for (const f of counted) later.countSentences(f);
    const first = new DerivationIndex();
    for (const f of counted) first.countSentences(f);
    first.add(a);
    first.add(b);
    const expected = edgeToA(first.add(c));
    expect(expected).toBeDefined();
    expect(edgeToA(later.add(c))).toEqual(expected);
  });

  it('should leave unrelated texts without edges', () => {
    expect(findDerivations([article('a', base), article('b', unrelated)])).toEqual([]);
  });
});

describe('independenceGroups', () => {
  it('should join copies and rewrites but not shared sources', () => {
    const edge = (from: string, to: string, kind: 'duplicate' | 'rewrite' | 'shared-source') => ({
      from,
      to,
      kind,
      similarity: 1,
      directed: false,
      directionBasis: null,
      alignedSentences: 0,
    });
    expect(
      independenceGroups(
        ['d', 'a', 'b', 'c'],
        [edge('a', 'b', 'rewrite'), edge('b', 'd', 'duplicate'), edge('c', 'a', 'shared-source')],
      ),
    ).toEqual([['a', 'b', 'd'], ['c']]);
  });
});

const data = sharedData();
describe.skipIf(!data && !requireSharedData)('findDerivations on the Kursk seeds', () => {
  it('should only draw edges between reports that share wording', async () => {
    const { articles } = await readArticles([join(data ?? '', 'seeds', 'kursk')]);
    expect(articles).toHaveLength(5);
    const edges = findDerivations(articles);
    for (const edge of edges) expect(edge.alignedSentences).toBeGreaterThan(0);
    // The five are independent write-ups: none is a copy or rewrite of another.
    expect(edges.filter((e) => e.kind !== 'shared-source')).toEqual([]);
    // A copy of one of them is found and tied to its origin.
    const origin = articles[3];
    if (!origin) throw new Error('seed missing');
    const copy = {
      ...origin,
      id: 'copy',
      published: null,
      contentHash: 'copy',
      text: origin.text.split('\n\n').slice(0, -1).join('\n\n'),
    };
    const withCopy = findDerivations([...articles, copy]);
    expect(withCopy.filter((e) => e.kind !== 'shared-source').map((e) => [e.from, e.to])).toEqual([
      [origin.id, 'copy'],
    ]);
  });
});

describe('DerivationIndex window', () => {
  it('should forget every trace of the articles it drops: look-ups, sentence counts and LSH buckets', () => {
    const index = new DerivationIndex();
    const buckets = (): number =>
      index['lsh']['buckets'].reduce((sum: number, band: { size: number }) => sum + band.size, 0);
    const trace = (): number[] => [
      index['bySentence'].size,
      index['sentenceCounts'].size,
      index['byContentHash'].size,
      buckets(),
    ];
    index.add(article('other', unrelated, '2024-01-01T00:00:00Z'));
    const alone = trace();
    expect(index.add(article('a', base, '2024-01-01T00:00:00Z'))).toHaveLength(0);
    expect(index.add(article('copy', base, '2024-01-02T00:00:00Z'))).toHaveLength(1);
    expect(trace()).not.toEqual(alone);
    // 100 days on, the three are out of the 90-day window: what is left is the newcomer's.
    index.add(article('later', unrelated.replace('Wednesday', 'Friday'), '2024-04-11T00:00:00Z'));
    expect(index.keptCount).toBe(1);
    expect(trace()).toEqual(alone);
    // A new copy of the dropped text finds nothing: no bucket or sentence still names them.
    expect(index.add(article('copy2', base, '2024-04-12T00:00:00Z'))).toHaveLength(0);
  });
});

describe('DerivationIndex packed blocks', () => {
  it('should find the same edges when the blocks of dropped articles are reused again and again', () => {
    // A stream of copies and rewrites, two a day over 60 days, in a 3-day window: with
    // blocks of two or three articles each block is reused many times (an article
    // still kept being overwritten would change the edges); the default blocks are never full here.
    const stream = Array.from({ length: 120 }, (_, k) => {
      const day = Math.floor(k / 2);
      const rotated = [...paragraphs.slice(day % 6), ...paragraphs.slice(0, day % 6)];
      const own = `Officials in district number ${day} counted ${k * 7} damaged homes by the evening.`;
      const text = [own, ...(k % 2 ? rotated.slice(0, 4) : rotated)].join('\n\n');
      const published = new Date(Date.UTC(2024, 0, 1 + day)).toISOString();
      return article(`a${k}`, k % 5 === 4 ? unrelated : text, published);
    });
    const edgesOf = (index: DerivationIndex): unknown[] => stream.flatMap((a) => index.add(a));
    const options = { ...new DerivationIndex().options, windowDays: 3 };
    const reference = edgesOf(new DerivationIndex(options));
    const blocks = new PackedBlocks(800);
    const used = new Set<Uint32Array>();
    const take = blocks.take.bind(blocks);
    blocks.take = (length) => {
      const taken = take(length);
      used.add(taken.block);
      return taken;
    };
    const small = Object.assign(new DerivationIndex(options), { blocks });
    expect(reference.length).toBeGreaterThan(100);
    expect(edgesOf(small)).toEqual(reference);
    // 120 articles in a handful of blocks: each was reused.
    expect(used.size).toBeLessThan(10);
  });
});

describe('compactFingerprint', () => {
  it("should give each sentence's words as the hashes of its tokens, from the fingerprint's token hashes", () => {
    const full = fingerprintArticle(article('a', base), defaultFingerprintOptions());
    const compact = compactFingerprint(full);
    const words = full.sentences.flatMap((s) => s.tokens.map((token) => hashString(token)));
    expect([...compact.words]).toEqual(words);
    expect([...compact.sentenceEnds]).toEqual(
      full.sentences.map((_, i) => full.sentences.slice(0, i + 1).reduce((n, s) => n + s.tokens.length, 0)),
    );
    expect(() => compactFingerprint({ ...full, tokenHashes: new Uint32Array(1) })).toThrow(TypeError);
  });
});
