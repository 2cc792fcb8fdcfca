import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { analyzeArticles } from './analyze-articles.js';
import { renderJson } from './render-json.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const schema = JSON.parse(readFileSync(join(root, 'schema', 'report.schema.json'), 'utf8')) as object;

describe('the JSON report schema', () => {
  it('should validate the real report of the bundled examples', async () => {
    const { articles, messages } = await readArticles([join(root, 'examples')]);
    const report = JSON.parse(renderJson(analyzeArticles(articles, messages))) as unknown;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('should reject a report that breaks the contract', () => {
    const validate = new Ajv().compile(schema);
    expect(
      validate({ schema: 'corroborate.report/1', articles: [{ id: 1 }], stories: [], messages: [] }),
    ).toBe(false);
    expect(validate({ schema: 'other', articles: [], stories: [], messages: [] })).toBe(false);
  });
});
