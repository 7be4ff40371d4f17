/**
 * What the public may see of a demand (the citizen's tracking page, Open311): status, category, place, the
 * answer and the history of steps — never a name, a phone number or who handled it inside a unit; digit runs
 * a citizen typed into the text are masked too.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DEMAND_ACTIONS, DEMAND_STATUSES, type DemandAction, type DemandStatus } from '../../../shared/demand-enums.ts';
import { maskDigits } from './presenter.ts';
import { notFound } from '../../errors.ts';
import {
  activeCategories,
  demandColumns,
  demandEvents,
  findDemandByCode,
  unitNames,
  type DemandRow,
} from './repository.ts';

export async function publicCategories(db: Kysely<Database>) {
  const rows = await activeCategories(db);
  return rows.map((c) => ({
    code: c.code,
    name: c.name,
    group: c.groupName,
    acceptHours: c.acceptHours,
    handleLimit: c.handleLimit,
    handleUnit: c.handleUnit,
  }));
}

export interface PublicDemand {
  id: number;
  trackingCode: string;
  status: string;
  statusLabel: string;
  category: string;
  categoryName: string;
  description: string;
  address: string;
  lat: number | null;
  long: number | null;
  receivedAt: string;
  updatedAt: string;
  dueAt: string | null;
  answer: string;
  answeredAt: string | null;
  satisfaction: string | null;
  agency: string | null;
  photoIds: number[];
}

function toPublic(
  d: DemandRow & { updatedAt: string },
  categories: Map<string, string>,
  units: Map<number, string>,
  photos: Map<number, number[]>,
): PublicDemand {
  return {
    id: d.id,
    trackingCode: d.trackingCode,
    status: d.status,
    statusLabel: DEMAND_STATUSES[d.status as DemandStatus] ?? d.status,
    category: d.category,
    categoryName: categories.get(d.category) ?? d.category,
    description: maskDigits(d.description),
    address: d.confidential ? '' : maskDigits(d.address),
    lat: d.confidential ? null : d.lat,
    long: d.confidential ? null : d.long,
    receivedAt: d.receivedAt,
    updatedAt: d.updatedAt,
    dueAt: d.dueAt,
    answer: maskDigits(d.answer),
    answeredAt: d.answeredAt,
    satisfaction: d.satisfaction,
    agency: d.orgId === null ? null : (units.get(d.orgId) ?? null),
    photoIds: photos.get(d.id) ?? [],
  };
}

async function lookups(db: Kysely<Database>, rows: DemandRow[]) {
  const [cats, units, photos] = await Promise.all([
    db.selectFrom('demandCategories').select(['code', 'name']).execute(),
    unitNames(
      db,
      rows.map((r) => r.orgId),
    ),
    rows.length
      ? db
          .selectFrom('demandPhotos')
          .select(['id', 'demandId'])
          .where(
            'demandId',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : Promise.resolve([]),
  ]);
  const byDemand = new Map<number, number[]>();
  for (const p of photos) byDemand.set(p.demandId!, [...(byDemand.get(p.demandId!) ?? []), p.id]);
  return { categories: new Map(cats.map((c) => [c.code, c.name])), units, photos: byDemand };
}

/** The citizen's view of their own demand, with the steps it went through (labels and times only). */
export async function publicDemandView(db: Kysely<Database>, d: DemandRow) {
  const full = await db.selectFrom('demands').select('updatedAt').where('id', '=', d.id).executeTakeFirstOrThrow();
  const l = await lookups(db, [d]);
  const events = await demandEvents(db, d.id);
  const { id: _, ...view } = toPublic({ ...d, updatedAt: full.updatedAt }, l.categories, l.units, l.photos);
  return {
    ...view,
    rateable: d.status === 'answered' && d.visitedAt === null,
    steps: events.map((e) => ({
      action: e.action,
      label: e.action === 'receive' ? '受理' : (DEMAND_ACTIONS[e.action as DemandAction] ?? e.action),
      at: e.at,
    })),
  };
}

export interface PublicFilter {
  ids?: number[];
  tokens?: string[];
  category?: string[];
  from?: string;
  to?: string;
  statuses?: string[];
  limit: number;
}

/** Demands for Open311's GET requests: newest first, bounded; `ids` overrides every other filter. */
export async function publicDemandsPage(db: Kysely<Database>, f: PublicFilter): Promise<PublicDemand[]> {
  let qb = db.selectFrom('demands').select([...demandColumns, 'demands.updatedAt']);
  if (f.ids) qb = qb.where('demands.id', 'in', f.ids.length ? f.ids : [0]);
  else if (f.tokens) qb = qb.where('demands.trackingCode', 'in', f.tokens.length ? f.tokens : ['']);
  else {
    qb = qb.where('demands.repeatOf', 'is', null);
    if (f.category?.length) qb = qb.where('demands.category', 'in', f.category);
    if (f.from) qb = qb.where('demands.receivedAt', '>=', f.from);
    if (f.to) qb = qb.where('demands.receivedAt', '<=', f.to);
    if (f.statuses?.length) qb = qb.where('demands.status', 'in', f.statuses);
  }
  const rows = await qb.orderBy('demands.receivedAt', 'desc').orderBy('demands.id', 'desc').limit(f.limit).execute();
  const l = await lookups(db, rows);
  return rows.map((r) => toPublic(r, l.categories, l.units, l.photos));
}

/** The demand behind a code, only when the phone's last four digits match (else the same 404 as no code). */
export async function demandForCitizen(db: Kysely<Database>, code: string, phone4: string) {
  const d = await findDemandByCode(db, code);
  if (!d || d.phone.slice(-4) !== phone4) throw notFound('留言');
  return d;
}
