/**
 * A problem found in content or input. Problems never throw: they travel with the
 * article (or the batch) so one bad input never stops the others.
 */
export interface Message {
  /** Human-readable explanation naming what was wrong and, where possible, the fix. */
  reason: string;
  /** Stage that found it: `ingest`, `fetch`, `html`, `feed`, `jsonl`, `clean`, … */
  source: string;
  /** Stable identifier of the rule, e.g. `ingest:binary`, `clean:conflicting-dates`. */
  ruleId: string;
  /** Where: the input (path, URL, `stdin`), with a line or offset when known. */
  place: string | null;
  /** True when the input (or the article) was skipped because of it. */
  fatal: boolean;
  /** The article it concerns, when there is one. */
  articleId?: string;
}

export interface MessageInit {
  reason: string;
  source: string;
  ruleId: string;
  place?: string | null;
  fatal?: boolean;
  articleId?: string;
}

export function createMessage(init: MessageInit): Message {
  const message: Message = {
    reason: init.reason,
    source: init.source,
    ruleId: init.ruleId,
    place: init.place ?? null,
    fatal: init.fatal ?? false,
  };
  if (init.articleId !== undefined) message.articleId = init.articleId;
  return message;
}
