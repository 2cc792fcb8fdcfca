import { describe, expect, it } from 'vitest';
import { dropTrailingBio } from './drop-trailing-bio.js';

describe('dropTrailingBio', () => {
  const story = ['The bridge reopened on Monday after two years of repairs.', 'Traffic was light.'];

  it('should drop a note about the writer at the end', () => {
    const bio = 'Sam Lee is a freelance writer living in Leeds who covers transport.';
    expect(dropTrailingBio([...story, bio])).toEqual(story);
  });

  it('should keep the same sentence shape earlier in the article', () => {
    const inner = 'Ana Ruiz is a reporter who was detained at the border last year.';
    const paragraphs = [inner, ...story];
    expect(dropTrailingBio(paragraphs)).toEqual(paragraphs);
  });
});
