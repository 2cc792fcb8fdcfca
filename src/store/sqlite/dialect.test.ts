import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './dialect.js';

describe('cachingStatements', () => {
  it('should prepare each SQL text once and still run it with new parameters', () => {
    const raw = new Database(':memory:');
    let prepared = 0;
    const counting = {
      close: () => raw.close(),
      prepare: (sql: string) => {
        prepared += 1;
        return raw.prepare(sql);
      },
    };
    const db = cachingStatements(counting);
    db.prepare('create table t (x integer)').run([]);
    for (let i = 0; i < 5; i++) db.prepare('insert into t (x) values (?)').run([i]);
    const rows = db.prepare('select sum(x) as total from t').all([]);
    expect(rows).toEqual([{ total: 10 }]);
    expect(prepared).toBe(3);
    db.close();
  });

  it('should keep at most its bound of statements, dropping the least recently used', () => {
    const raw = new Database(':memory:');
    const texts: string[] = [];
    const db = cachingStatements({
      close: () => raw.close(),
      prepare: (sql: string) => {
        texts.push(sql);
        return raw.prepare(sql);
      },
    });
    db.prepare('select 0').all([]);
    for (let i = 1; i <= 300; i++) {
      db.prepare(`select ${i}`).all([]);
      db.prepare('select 0').all([]); // kept: used after every other
    }
    db.prepare('select 1').all([]); // dropped long ago: prepared again
    expect(texts.filter((t) => t === 'select 0')).toHaveLength(1);
    expect(texts.filter((t) => t === 'select 1')).toHaveLength(2);
    db.close();
  });
});
