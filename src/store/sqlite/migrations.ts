import type { Migration } from '../database.js';

/** SQLite schema, version by version. Never edit a released step: add one. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'articles, stories, story assignment, clustering state',
    statements: [
      `create table articles (
        seq integer primary key autoincrement,
        id text not null unique,
        content_hash text not null unique,
        outlet text,
        title text,
        sort_time text not null,
        ingested_at text not null,
        article text not null,
        annotations text not null
      )`,
      `create index articles_outlet on articles (outlet, seq)`,
      `create index articles_sort_time on articles (sort_time)`,
      `create table stories (
        seq integer primary key autoincrement,
        id text not null unique,
        title text,
        created_at text not null,
        updated_at text not null
      )`,
      `create table story_articles (
        article_id text primary key references articles (id),
        story_id text not null references stories (id),
        assigned_at text not null
      )`,
      `create index story_articles_story on story_articles (story_id)`,
      `create table clustering_state (
        index_name text primary key,
        state text not null,
        revision integer not null,
        updated_at text not null
      )`,
    ],
  },
  {
    version: 2,
    name: 'clustering log: one row per clustered article, appended under the story lock',
    statements: [
      `create table clustering_log (
        index_name text not null,
        seq integer not null,
        entry text not null,
        primary key (index_name, seq)
      )`,
    ],
  },
];
