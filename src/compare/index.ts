export { compareStory } from './compare-story.js';
export type { CompareInput } from './compare-input.js';
