import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

/**
 * Chinese full-text search on problems. SQLite: an FTS5 trigram index kept in step by triggers (matches any
 * substring of three or more characters). PostgreSQL: a pg_trgm GIN index on the same text, when the
 * extension can be installed; without it searches still work, by scan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    const available = await sql<{
      ok: boolean;
    }>`select exists(select 1 from pg_available_extensions where name = 'pg_trgm')
      and (select rolsuper or rolcreatedb from pg_roles where rolname = current_user) as ok`.execute(db);
    if (available.rows[0]?.ok) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create index problems_text_trgm on problems using gin ((title || ' ' || description) gin_trgm_ops)`.execute(
        db,
      );
    }
    return;
  }
  await sql`create virtual table problems_fts using fts5(title, description, content='problems', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  await sql`insert into problems_fts(rowid, title, description) select id, title, description from problems`.execute(
    db,
  );
  await sql`create trigger problems_fts_insert after insert on problems begin
    insert into problems_fts(rowid, title, description) values (new.id, new.title, new.description); end`.execute(db);
  await sql`create trigger problems_fts_delete after delete on problems begin
    insert into problems_fts(problems_fts, rowid, title, description) values ('delete', old.id, old.title, old.description); end`.execute(
    db,
  );
  await sql`create trigger problems_fts_update after update of title, description on problems begin
    insert into problems_fts(problems_fts, rowid, title, description) values ('delete', old.id, old.title, old.description);
    insert into problems_fts(rowid, title, description) values (new.id, new.title, new.description); end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
