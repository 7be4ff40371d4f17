/**
 * Recording a demand, whichever door it comes in by (staff intake, the public page, Open311, a ledger
 * import): the tracking code, the repeat check against open and recent demands of the same category and
 * place, the insert with its history, audit and tallies. Not a use case of its own: the commands decide who
 * may file and at which unit, then call insertDemand.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { invalidField, notFound } from '../../errors.ts';
import { FULL_SCOPE } from '../../db/scope.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { currentCampaign } from '../campaigns/public.ts';
import { scopeRoots } from '../orgs/public.ts';
import { categoryByCode, rateConfigs, recordEvent, repeatCandidates } from './repository.ts';
import { afterDemandWrite } from './tally.ts';
import { cellOf, distanceM, neighbourCells, ringsFor } from './repeats.ts';
import { configFor, DEFAULT_RATE_CONFIG } from './rates.ts';
import { maskName, maskPhone } from './presenter.ts';

export interface IntakeInput {
  channel: string;
  kind: string;
  category: string;
  description: string;
  address?: string;
  lat?: number;
  long?: number;
  name?: string;
  phone?: string;
  confidential?: boolean;
  photoIds?: number[];
  campaignId?: number;
  /** When it was received, if before now (a demand brought in from an office's own ledger). */
  receivedAt?: string;
}

/** Tracking codes a citizen can read out on the phone: no 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  return `TZ${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

const DAY = 86400 * 1000;
const minus = (at: string, days: number) => new Date(new Date(at).getTime() - days * DAY).toISOString();

/** The nearest open or recent demand of the same category and place, when there is one. */
export async function findRepeat(
  db: Kysely<Database>,
  input: { category: string; lat?: number | null; long?: number | null; address?: string },
  cfg: { repeatDistanceM: number; repeatWindowDays: number },
  now: string,
  excludeId?: number,
): Promise<{ id: number; trackingCode: string } | null> {
  const cell = cellOf(input.lat, input.long);
  const address = (input.address ?? '').trim();
  if (!cell && !address) return null;
  const rows = await repeatCandidates(db, {
    category: input.category,
    cells: cell ? neighbourCells(cell, ringsFor(cfg.repeatDistanceM)) : null,
    address,
    since: minus(now, cfg.repeatWindowDays + 90),
    closedSince: minus(now, cfg.repeatWindowDays),
    limit: 20,
  });
  const near = rows.filter(
    (r) =>
      r.id !== excludeId &&
      (!cell ||
        (r.lat !== null &&
          r.long !== null &&
          distanceM({ lat: input.lat!, long: input.long! }, { lat: r.lat, long: r.long }) <= cfg.repeatDistanceM)),
  );
  return near[0] ? { id: near[0].id, trackingCode: near[0].trackingCode } : null;
}

/**
 * Records a demand from any channel: tracking code, spatial cell, the repeat flag, photos linked. Callers
 * (staff intake, the public page, Open311) have already decided who may file it and at which unit.
 */
export async function insertDemand(
  trx: Kysely<Database>,
  actor: Actor | null,
  intake: { id: number; path: string },
  input: IntakeInput,
  actorName: string,
): Promise<{ id: number; trackingCode: string; repeatOf: number | null }> {
  const category = await categoryByCode(trx, input.category);
  if (!category?.active) throw invalidField('category', '“诉求类别”不存在或已停用');
  const campaignId = input.campaignId ?? (await currentCampaign(trx))?.id ?? null;
  const cfg = campaignId
    ? configFor(await rateConfigs(trx, campaignId), '9999-12-31', DEFAULT_RATE_CONFIG)
    : DEFAULT_RATE_CONFIG;
  const now = nowIso();
  const repeat = await findRepeat(trx, input, cfg, now);
  const trackingCode = newTrackingCode();
  const row = await trx
    .insertInto('demands')
    .values({
      campaignId,
      trackingCode,
      channel: input.channel,
      kind: input.kind,
      category: category.code,
      intakeOrgId: intake.id,
      intakePath: intake.path,
      description: input.description.trim(),
      address: (input.address ?? '').trim(),
      lat: input.lat ?? null,
      long: input.long ?? null,
      cell: cellOf(input.lat, input.long),
      name: (input.name ?? '').trim(),
      phone: (input.phone ?? '').trim(),
      confidential: input.confidential ? 1 : 0,
      status: 'received',
      receivedAt: input.receivedAt ?? now,
      repeatFlag: repeat ? 1 : 0,
      createdBy: actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await afterDemandWrite(trx, [row.id]);
  const photoIds = [...new Set(input.photoIds ?? [])];
  if (photoIds.length) {
    const linked = await trx
      .updateTable('demandPhotos')
      .set({ demandId: row.id })
      .where('id', 'in', photoIds)
      .where('demandId', 'is', null)
      .where('createdAt', '>=', minus(now, 1))
      .executeTakeFirst();
    if (Number(linked.numUpdatedRows) !== photoIds.length)
      throw invalidField('photoIds', '“照片”中有不存在或已使用的照片');
  }
  await recordEvent(trx, {
    demandId: row.id,
    action: 'receive',
    fromStatus: 'received',
    toStatus: 'received',
    orgId: intake.id,
    note: repeat ? `疑似重复：与 ${repeat.trackingCode} 同类同地` : '',
    actorName,
    at: input.receivedAt ?? now,
  });
  await recordAudit(trx, actor, {
    action: 'create',
    entityType: 'demand',
    entityId: row.id,
    entityLabel: trackingCode,
    orgPath: intake.path,
    // Personal data stays out of the audit snapshot (the trail is searchable by more people than the record).
    after: { ...input, name: maskName(input.name ?? ''), phone: maskPhone(input.phone ?? ''), trackingCode },
  });
  return { id: row.id, trackingCode, repeatOf: repeat?.id ?? null };
}

/** The unit the public page and Open311 file into: the top of the organisation (the 12345 office's). */
export async function publicIntakeUnit(db: Kysely<Database>) {
  const root = (await scopeRoots(db, FULL_SCOPE))[0];
  if (!root) throw notFound('受理单位');
  return { id: root.id, path: root.path };
}
