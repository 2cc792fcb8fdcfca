import { describe, expect, it } from 'vitest';
import type { Attribution, Mention } from '../model/annotations.js';
import { resolveSourceKeys } from './resolve-source-keys.js';

const mention = (key: string, start: number, type: Mention['type'], demonym = false): Mention =>
  ({ key, start, end: start + 5, type, demonym, text: key, name: key, role: null }) as Mention;
const saidBy = (source: string, start: number): Attribution =>
  ({
    start,
    end: start + 40,
    text: '',
    source: { start, end: start + source.length, text: source },
    sourceKey: null,
    cue: { start: start + 10, end: start + 16, text: 'insist' },
    cueClass: 'assert',
    content: { start: start + 17, end: start + 40, text: 'that …' },
    kind: 'reported',
    parent: null,
  }) as Attribution;

describe('resolveSourceKeys: pronoun sources', () => {
  it('gives "they" the last people, body or demonym before it, never a bare place', () => {
    const mentions = [mention('ukraine', 0, 'place', true), mention('eastfield', 50, 'place')];
    expect(resolveSourceKeys([saidBy('They', 100)], mentions)[0]!.sourceKey).toBe('ukraine');
    const withBody = [...mentions, mention('general-staff', 70, 'organization')];
    expect(resolveSourceKeys([saidBy('They', 100)], withBody)[0]!.sourceKey).toBe('general-staff');
  });

  it('gives "she" the last person and "it" the last named thing', () => {
    const mentions = [mention('jane-roe', 0, 'person'), mention('acme', 50, 'organization')];
    expect(resolveSourceKeys([saidBy('she', 100)], mentions)[0]!.sourceKey).toBe('jane-roe');
    expect(resolveSourceKeys([saidBy('it', 100)], mentions)[0]!.sourceKey).toBe('acme');
  });
});
