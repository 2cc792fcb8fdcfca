import type { Annotations } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { Derivation, Story } from '../model/story.js';
import { hashString } from '../similarity/hash32.js';
import { clusterStories, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './cluster-stories.js';
import {
  defaultDerivationOptions,
  findDerivations,
  independenceGroups,
  type DerivationOptions,
} from './find-derivations.js';
import { pickStoryTitle } from './pick-story-title.js';
import { storyFeatures } from './story-features.js';
import { UnionFind } from './union-find.js';

export interface BuildStoriesOptions {
  cluster?: ClusterOptions;
  derivation?: DerivationOptions;
  /**
   * The articles are already known to be one story (a stored story, whose membership the
   * online clusterer decided): skip clustering and keep them together, so the report of a
   * stored story is that story and not the batch clusterer's second opinion of it.
   */
  oneStory?: boolean;
}

const ENTITY_TYPES = new Set(['person', 'organization', 'place']);

/**
 * The stories of a batch: articles clustered by event (with entity keys from annotations
 * when given, one entry per article in the same order), copies and rewrites pulled into
 * their origin's story, derivation edges inside each story and its independence groups.
 * Facts, discrepancies, claims and the brief are left empty for the compare stage.
 */
export function buildStories(
  articles: readonly Article[],
  annotations: readonly (Annotations | null | undefined)[] | null = null,
  options: BuildStoriesOptions = {},
): Story[] {
  if (annotations && annotations.length !== articles.length) {
    throw new TypeError(
      'buildStories(articles, annotations): annotations must have one entry per article, in order',
    );
  }
  const groups = options.oneStory
    ? [articles.map((a) => a.id)].filter((group) => group.length > 0)
    : clusterStories(
        articles.map((article, i) => {
          const mentions = annotations?.[i]?.mentions;
          const entities = mentions
            ? mentions.filter((m) => ENTITY_TYPES.has(m.type)).map((m) => m.key)
            : null;
          return storyFeatures(article, entities);
        }),
        options.cluster ?? DEFAULT_CLUSTER_OPTIONS,
      );
  const derivations = findDerivations(articles, options.derivation ?? defaultDerivationOptions());

  const position = new Map(articles.map((a, i) => [a.id, i]));
  const sets = new UnionFind(articles.length);
  for (const group of groups)
    for (const id of group.slice(1))
      sets.union(position.get(group[0] as string) as number, position.get(id) as number);
  for (const edge of derivations) {
    if (edge.kind !== 'shared-source')
      sets.union(position.get(edge.from) as number, position.get(edge.to) as number);
  }
  const members = new Map<number, Article[]>();
  articles.forEach((article, i) => {
    const root = sets.find(i);
    const list = members.get(root);
    if (list) list.push(article);
    else members.set(root, [article]);
  });
  const storyOf = new Map<string, number>();
  const stories = [...members.values()].map((list, index) => {
    for (const a of list) storyOf.set(a.id, index);
    return list;
  });
  const edgesByStory = stories.map((): Derivation[] => []);
  for (const edge of derivations) {
    const s = storyOf.get(edge.from);
    if (s !== undefined && s === storyOf.get(edge.to)) edgesByStory[s]?.push(edge);
  }
  return stories
    .map((list, index) => {
      const articleIds = list.map((a) => a.id).sort();
      const edges = edgesByStory[index] ?? [];
      return {
        id: `story-${hashString(articleIds.join('\n')).toString(16).padStart(8, '0')}`,
        title: pickStoryTitle(list),
        articleIds,
        derivations: edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
        independentGroups: independenceGroups(articleIds, edges),
        facts: [],
        discrepancies: [],
        claims: [],
        brief: [],
      } satisfies Story;
    })
    .sort(
      (a, b) =>
        b.articleIds.length - a.articleIds.length ||
        (a.articleIds[0] ?? '').localeCompare(b.articleIds[0] ?? ''),
    );
}
