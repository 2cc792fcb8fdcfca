import { z } from 'zod';
import { annotateArticles } from '../annotate/annotate-articles.js';
import type { Article } from '../model/article.js';
import { ingestRecords, type IngestSummary } from '../store/assign-stories.js';
import { assignerFor } from '../store/clustering-assigner.js';
import type { Store } from '../store/store.js';

export const INGEST_TASK = 'corroborate_ingest';

/** A job carries articles already read (workers on other machines cannot read the enqueuer's files). */
const payloadSchema = z.object({
  articles: z
    .array(
      z.object({ id: z.string().min(1), text: z.string(), contentHash: z.string().min(1) }).passthrough(),
    )
    .min(1),
});

export interface IngestPayload {
  articles: Article[];
}

/** Checks a job payload at the edge; a bad one throws with the field and what was expected. */
export function parseIngestPayload(payload: unknown): IngestPayload {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
    throw new TypeError(`${INGEST_TASK} job: ${issues.join('; ')} (expected { articles: Article[] })`);
  }
  return parsed.data as unknown as IngestPayload;
}

/**
 * What one ingestion job does: annotate, store once, assign stories under the story lock
 * (online clustering against the state in the store, so jobs of many workers are
 * assigned one at a time and each sees the stories of the ones before).
 */
export async function runIngestJob(store: Store, payload: unknown): Promise<IngestSummary> {
  const { articles } = parseIngestPayload(payload);
  return ingestRecords(store, annotateArticles(articles), assignerFor(store));
}
