import { VERSION } from '../version.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const ERRORS = {
  '400': errorResponse('A query, parameter or body field is invalid; `field` names it.'),
  '404': errorResponse('No such story, article or route.'),
  '500': errorResponse('The server failed; no details are given.'),
};
const WRITE_ERRORS = {
  ...ERRORS,
  '401': errorResponse('A token is configured and the request has no valid `Authorization: Bearer <token>`.'),
  '413': errorResponse('The body is over the size limit, or has too many articles or URLs.'),
  '415': errorResponse('A body type the API does not read (multipart).'),
  '422': errorResponse('No item of the body gave an article; the message lists why.'),
  '504': errorResponse('The request ran over the time limit and was stopped.'),
};

const ARTICLES_BODY = {
  required: true,
  description:
    'A JSON array of article rows, JSONL (one row a line), `{"urls": [...]}`, or a text/plain list of http(s) URLs ' +
    '(one a line, `#` comments). URLs are fetched by the server; private, loopback and link-local addresses are refused. ' +
    'Without a Content-Type the body is recognised by its content.',
  content: {
    'application/json': {
      schema: { oneOf: [{ type: 'array', items: ref('ArticleRow'), minItems: 1 }, ref('UrlList')] },
    },
    'application/x-ndjson': { schema: { type: 'string', description: 'One ArticleRow as JSON per line.' } },
    'text/plain': { schema: { type: 'string', description: 'One http(s) URL per line.' } },
  },
};

/** The OpenAPI 3.1 description of the HTTP API, served at /v1/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'corroborate',
      version: VERSION,
      description:
        'Cross-source news analysis over a store: stories, their reports (schema corroborate.report/1) and articles ' +
        'with annotations. Every error answers `{"error": {"code", "message", "field"}}`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'field'],
              properties: {
                code: { type: 'string', examples: ['validation', 'not-found', 'unauthorized'] },
                message: { type: 'string' },
                field: { type: ['string', 'null'], examples: ['query.limit', 'body[2].text', 'params.id'] },
              },
            },
          },
        },
        ArticleRow: {
          type: 'object',
          description:
            'One article, as a JSONL row: `text` or `html` is required; other fields are kept as metadata.',
          properties: {
            id: { type: ['string', 'number', 'null'] },
            url: { type: ['string', 'null'] },
            outlet: { type: ['string', 'null'] },
            title: { type: ['string', 'null'] },
            published: { type: ['string', 'null'], description: 'ISO 8601 date or time' },
            text: { type: ['string', 'null'] },
            html: { type: ['string', 'null'] },
          },
          additionalProperties: true,
        },
        UrlList: {
          type: 'object',
          required: ['urls'],
          additionalProperties: false,
          properties: { urls: { type: 'array', minItems: 1, items: { type: 'string', format: 'uri' } } },
        },
        Message: {
          type: 'object',
          required: ['reason', 'source', 'ruleId', 'place', 'fatal'],
          properties: {
            reason: { type: 'string' },
            source: { type: 'string' },
            ruleId: { type: 'string' },
            place: { type: ['string', 'null'] },
            fatal: { type: 'boolean' },
            articleId: { type: 'string' },
          },
        },
        IngestResult: {
          type: 'object',
          required: ['read', 'stored', 'duplicates', 'items', 'skipped'],
          properties: {
            read: { type: 'integer', description: 'Articles read from the body.' },
            stored: { type: 'integer' },
            duplicates: { type: 'integer', description: 'Articles whose content was already stored.' },
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'inputId', 'status', 'storyId', 'title', 'outlet'],
                properties: {
                  id: { type: 'string', description: 'The id it is stored under.' },
                  inputId: { type: 'string', description: 'The id it came with.' },
                  status: { enum: ['stored', 'duplicate'] },
                  storyId: { type: ['string', 'null'] },
                  title: { type: ['string', 'null'] },
                  outlet: { type: ['string', 'null'] },
                },
              },
            },
            skipped: {
              type: 'array',
              items: ref('Message'),
              description: 'Items that gave no article, with why.',
            },
            messages: { type: 'array', items: ref('Message'), description: 'Notes on the stored articles.' },
          },
        },
        StoryListItem: {
          type: 'object',
          required: [
            'id',
            'title',
            'articleCount',
            'outlets',
            'createdAt',
            'updatedAt',
            'discrepancyCount',
            'disputeCount',
          ],
          properties: {
            id: { type: 'string' },
            title: { type: ['string', 'null'] },
            articleCount: { type: 'integer' },
            outlets: { type: 'array', items: { type: 'string' } },
            createdAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            discrepancyCount: { type: 'integer', description: 'Subjects on which the sources differ.' },
            disputeCount: { type: 'integer', description: 'Claims rebutted by another claim.' },
          },
        },
        StoryList: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: {
            items: { type: 'array', items: ref('StoryListItem') },
            nextCursor: {
              type: ['string', 'null'],
              description: 'Pass as `cursor` for the next page; null on the last.',
            },
          },
        },
        Report: {
          type: 'object',
          description:
            'The report of `corroborate analyze --format json` (schema corroborate.report/1); the package ships its JSON Schema as schema/report.schema.json.',
          required: ['schema', 'generated', 'articles', 'stories', 'messages'],
          properties: {
            schema: { const: 'corroborate.report/1' },
            generated: { type: 'string', format: 'date-time' },
            articles: { type: 'array', items: { type: 'object' } },
            stories: { type: 'array', items: { type: 'object' } },
            messages: { type: 'array', items: ref('Message') },
          },
        },
        StoredArticle: {
          type: 'object',
          required: ['article', 'annotations', 'storyId', 'ingestedAt'],
          properties: {
            article: {
              type: 'object',
              description: 'The clean article (id, outlet, url, title, published, text, …).',
            },
            annotations: {
              type: 'object',
              description:
                'sentences, mentions, quantities, times, attributions, hedges: each with UTF-16 start/end offsets into article.text.',
            },
            storyId: { type: ['string', 'null'] },
            ingestedAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness: the process answers and its store responds.',
          responses: {
            '200': {
              description: 'Healthy.',
              content: json({
                type: 'object',
                properties: { status: { const: 'ok' }, engine: { type: 'string' } },
              }),
            },
            '503': errorResponse('The store does not respond.'),
          },
        },
      },
      '/v1/articles': {
        post: {
          summary: 'Read, annotate and store articles; each is assigned to a story.',
          security: [{ bearer: [] }],
          requestBody: ARTICLES_BODY,
          responses: {
            '200': { description: 'What became of each item.', content: json(ref('IngestResult')) },
            ...WRITE_ERRORS,
          },
        },
      },
      '/v1/articles/{id}': {
        get: {
          summary: 'One stored article with its annotations, story and ingestion time.',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'The stored id, percent-encoded (ids may hold slashes: encodeURIComponent).',
              schema: { type: 'string', minLength: 1, maxLength: 2048 },
            },
          ],
          responses: {
            '200': { description: 'The article.', content: json(ref('StoredArticle')) },
            ...ERRORS,
          },
        },
      },
      '/v1/analyze': {
        post: {
          summary: 'Stateless: analyse the articles sent and answer the report; nothing is stored.',
          security: [{ bearer: [] }],
          requestBody: ARTICLES_BODY,
          responses: { '200': { description: 'The report.', content: json(ref('Report')) }, ...WRITE_ERRORS },
        },
      },
      '/v1/stories': {
        get: {
          summary: 'Stories, most recently created first, one page at a time.',
          parameters: [
            {
              name: 'since',
              in: 'query',
              description: 'ISO 8601 date or time: stories with an article published since.',
              schema: { type: 'string' },
            },
            {
              name: 'outlet',
              in: 'query',
              description: 'Exact outlet name: stories with one of its articles.',
              schema: { type: 'string' },
            },
            {
              name: 'q',
              in: 'query',
              description: 'Text in the story or article titles (case-insensitive).',
              schema: { type: 'string', maxLength: 200 },
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            },
            {
              name: 'cursor',
              in: 'query',
              description: 'The nextCursor of the previous page.',
              schema: { type: 'string' },
            },
          ],
          responses: { '200': { description: 'One page.', content: json(ref('StoryList')) }, ...ERRORS },
        },
      },
      '/v1/stories/{id}': {
        get: {
          summary: 'The report of one story, as `corroborate story <id> --format json` writes it.',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'string', minLength: 1, maxLength: 200 },
            },
          ],
          responses: { '200': { description: 'The report.', content: json(ref('Report')) }, ...ERRORS },
        },
      },
      '/v1/openapi.json': {
        get: {
          summary: 'This document.',
          responses: { '200': { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } },
        },
      },
    },
  };
}
