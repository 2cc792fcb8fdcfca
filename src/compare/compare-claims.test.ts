import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { gradeFactStatus } from './grade-fact-status.js';

describe('facts, claims and brief', () => {
  const comparison = compareStory(
    makeInput([
      'The army said it had recaptured the airport after heavy fighting. The rebels denied that the army had recaptured the airport. The army said 300 rebels were killed, a figure that could not be independently verified.',
      'The army said it had retaken the airport after heavy fighting. Rebel leaders denied the army had retaken the airport.',
      'The army said it had regained the airport after heavy fighting. Storms hit the coast on Friday.',
    ]),
  );

  it('should align paraphrases of one statement into a fact supported by every report', () => {
    const fact = comparison.facts[0]!;
    expect(fact.status).toBe('consensus');
    expect(fact.support.map((s) => s.articleId).sort()).toEqual(['a0', 'a1', 'a2']);
  });

  it('should link the claim to its denial from another speaker', () => {
    const denied = comparison.claims.filter((c) => c.rebuttedBy.length > 0);
    expect(denied.length).toBeGreaterThan(0);
  });

  it('should mark a number as unverified where the source says so', () => {
    expect(comparison.numbers.find((n) => n.value === '300')?.verified).toBe(false);
  });

  it('should cite articles in every brief item', () => {
    expect(comparison.brief.length).toBeGreaterThan(0);
    for (const item of comparison.brief) expect(item.articleIds.length).toBeGreaterThan(0);
  });

  it('should grade status over independent origins', () => {
    expect(gradeFactStatus(5, 5)).toBe('consensus');
    expect(gradeFactStatus(3, 5)).toBe('majority');
    expect(gradeFactStatus(2, 5)).toBe('minority');
    expect(gradeFactStatus(1, 5)).toBe('single');
  });

  it('should throw a TypeError naming the call when arrays do not line up', () => {
    expect(() => compareStory({ articles: [], annotations: [], origins: ['x'] })).toThrow(/compareStory/);
  });
});
