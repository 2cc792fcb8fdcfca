import type { FactStatus } from '../model/comparison.js';

/** Status of a fact from how many independent origins support it out of all the story's origins. */
export function gradeFactStatus(supporting: number, total: number): FactStatus {
  if (supporting <= 1) return 'single';
  if (supporting >= total) return 'consensus';
  if (supporting * 2 > total) return 'majority';
  return 'minority';
}
