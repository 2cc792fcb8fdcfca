import { z } from 'zod';

const optionalText = z.string().nullable().optional();

/**
 * One JSONL article row. `id` may be a number (common in datasets) and is read as a
 * string; fields beyond the contract pass through and end up in `metadata`.
 */
export const jsonlRowSchema = z
  .object({
    id: z.union([z.string(), z.number().finite()]).nullable().optional(),
    url: optionalText,
    outlet: optionalText,
    title: optionalText,
    published: optionalText,
    text: optionalText,
    html: optionalText,
  })
  .passthrough()
  .superRefine((row, context) => {
    if (typeof row.text !== 'string' && typeof row.html !== 'string') {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['text'],
        message: 'expected a `text` or `html` string holding the article',
      });
    }
  });

export type JsonlRow = z.infer<typeof jsonlRowSchema>;

/** The fields the contract names; every other field is metadata. */
export const JSONL_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'url',
  'outlet',
  'title',
  'published',
  'text',
  'html',
]);
