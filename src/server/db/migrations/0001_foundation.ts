import type { Kysely } from 'kysely';
import { binaryText, withId, withStamps } from './helpers.ts';

/** Org tree, people, accounts, role grants, sessions, campaigns and the audit trail. */
export async function up(db: Kysely<any>): Promise<void> {
  await withStamps(
    withId(db, db.schema.createTable('org_units'))
      .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('secretary_id', 'integer')
      .addColumn('name_pinyin', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('name_initials', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('org_units_path').on('org_units').column('path').unique().execute();
  await db.schema.createIndex('org_units_parent').on('org_units').columns(['parent_id', 'sort_order']).execute();

  await withStamps(
    withId(db, db.schema.createTable('people'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('org_path', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_pinyin', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('name_initials', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('gender', 'text')
      .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('is_party_member', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('leadership_level', 'text')
      .addColumn('phone', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('people_org').on('people').columns(['org_id', 'name']).execute();
  await db.schema.createIndex('people_org_path').on('people').columns(['org_path', 'name']).execute();
  await db.schema.createIndex('people_initials').on('people').column('name_initials').execute();
  await db.schema.createIndex('people_pinyin').on('people').column('name_pinyin').execute();
  await db.schema.createIndex('people_name').on('people').column('name').execute();

  await withStamps(
    withId(db, db.schema.createTable('users'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('person_id', 'integer', (c) => c.references('people.id'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  // One row per role an account holds, each with its own data scope.
  await withStamps(
    withId(db, db.schema.createTable('role_grants'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('scope_kind', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('role_grants_user').on('role_grants').column('user_id').execute();

  // 分管: the units a leadership member guides.
  await withId(db, db.schema.createTable('leader_assignments'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('leader_assignments_unique', ['person_id', 'org_id'])
    .execute();

  // 督导组 / 联络组 with their members and the units assigned to them.
  await withStamps(
    withId(db, db.schema.createTable('supervision_groups'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema
    .createTable('supervision_group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('supervision_groups.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('supervision_group_members_pk', ['group_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('supervision_group_units')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('supervision_groups.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('supervision_group_units_pk', ['group_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await withId(db, db.schema.createTable('login_attempts'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_user_at').on('login_attempts').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip_at').on('login_attempts').columns(['ip', 'at']).execute();

  await withStamps(
    withId(db, db.schema.createTable('campaigns'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('batch', 'text')
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('general_requirement', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('targets', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('work_lines', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('focus_areas', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('min_study_hours', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warning_days', 'integer', (c) => c.notNull().defaultTo(7))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('org_id', 'integer', (c) => c.notNull().references('org_units.id')),
  ).execute();

  await withStamps(
    withId(db, db.schema.createTable('campaign_readings'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('campaign_readings_campaign')
    .on('campaign_readings')
    .columns(['campaign_id', 'sort_order'])
    .execute();

  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('entity_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('org_path', 'text', (c) => binaryText(db)(c))
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_events').columns(['entity_type', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_org_path').on('audit_events').columns(['org_path', 'id']).execute();
  await db.schema.createIndex('audit_at').on('audit_events').column('at').execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
