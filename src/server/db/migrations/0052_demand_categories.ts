import type { Kysely } from 'kysely';

/**
 * The starting catalogue of demand categories with their time limits (DOMAIN.md, unconfirmed: emergencies
 * 2 h, utilities 24 h, general 7 working days, complex 15; 签收 within 24 h). The office edits them afterwards.
 */
const CATEGORIES: Array<[string, string, string, number, number, 'hours' | 'working_days']> = [
  ['fire_lane', '消防通道占用', '公共安全', 2, 24, 'hours'],
  ['sewer_block', '下水堵塞', '市政设施', 2, 24, 'hours'],
  ['street_light', '路灯故障', '市政设施', 24, 3, 'working_days'],
  ['sanitation', '环境卫生', '市容环境', 24, 7, 'working_days'],
  ['street_vending', '占道经营', '市容环境', 24, 7, 'working_days'],
  ['noise', '噪声扰民', '生态环境', 24, 7, 'working_days'],
  ['cable_web', '缆线“蜘蛛网”', '市政设施', 24, 15, 'working_days'],
  ['illegal_building', '违法建设', '城市管理', 24, 15, 'working_days'],
  ['other', '其他', '其他', 24, 7, 'working_days'],
];

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('demand_categories')
    .values(
      CATEGORIES.map(([code, name, group_name, accept_hours, handle_limit, handle_unit], i) => ({
        code,
        name,
        group_name,
        accept_hours,
        handle_limit,
        handle_unit,
        sort_order: i + 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
