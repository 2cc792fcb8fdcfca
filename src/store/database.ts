import type { Generated } from 'kysely';

/** The tables both engines share (column types as the queries see them). */
export interface Database {
  schema_migrations: { version: number; name: string; applied_at: string };
  articles: {
    seq: Generated<number>;
    id: string;
    content_hash: string;
    outlet: string | null;
    title: string | null;
    /** Publication time (else ingestion time), normalised to UTC ISO 8601, for `since` and ordering. */
    sort_time: string;
    ingested_at: string;
    /** The Article as JSON. */
    article: string;
    /** Its Annotations as JSON. */
    annotations: string;
  };
  stories: {
    seq: Generated<number>;
    id: string;
    title: string | null;
    created_at: string;
    updated_at: string;
  };
  story_articles: { article_id: string; story_id: string; assigned_at: string };
  clustering_state: { index_name: string; state: string; revision: number; updated_at: string };
  /** Entries appended to a clustering index, `seq` 0, 1, 2, … per index. */
  clustering_log: { index_name: string; seq: number; entry: string };
}

/** One versioned schema step: statements in the engine's own SQL. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}
