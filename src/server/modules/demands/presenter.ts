import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import {
  DEMAND_CHANNELS,
  DEMAND_KINDS,
  DEMAND_STATUSES,
  type DemandChannel,
  type DemandKind,
  type DemandStatus,
} from '../../../shared/demand-enums.ts';
import { isOverdue } from './deadlines.ts';
import { demandPolicy } from './policy.ts';
import type { DemandRow } from './repository.ts';
import { ratesOf, type RateConfig, type RawCounts } from './rates.ts';

/** 张三 → 张*; an empty name stays empty. */
export function maskName(name: string): string {
  return name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : '';
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone ? '****' : '';
}

/** Runs of 7+ digits (phone numbers, ID numbers a citizen typed) hidden from anything public. */
export function maskDigits(text: string): string {
  return text.replace(/\d[\d\s-]{5,}\d/g, (m) => (m.replace(/\D/g, '').length >= 7 ? '***' : m));
}

/** A demand for staff: the record, derived overdue, masked contact (revealed only through /contact), abilities. */
export function presentDemand(
  actor: Actor,
  d: DemandRow,
  names: { units: Map<number, string>; categories: Map<string, string> },
  now: string,
) {
  const abilities = abilitiesOf(demandPolicy, actor, d);
  const { name, phone, orgPath, intakePath, cell, ...rest } = d;
  return {
    ...rest,
    confidential: !!d.confidential,
    extended: !!d.extended,
    repeatFlag: !!d.repeatFlag,
    contacted: d.contacted === null ? null : !!d.contacted,
    solved: d.solved === null ? null : !!d.solved,
    statusLabel: DEMAND_STATUSES[d.status as DemandStatus] ?? d.status,
    channelLabel: DEMAND_CHANNELS[d.channel as DemandChannel] ?? d.channel,
    kindLabel: DEMAND_KINDS[d.kind as DemandKind] ?? d.kind,
    categoryName: names.categories.get(d.category) ?? d.category,
    orgName: d.orgId === null ? null : (names.units.get(d.orgId) ?? null),
    intakeOrgName: names.units.get(d.intakeOrgId) ?? '',
    overdue: isOverdue(d, now),
    contactVisible: abilities.seeContact,
    contactName: abilities.seeContact ? maskName(name) : '',
    contactPhone: abilities.seeContact ? maskPhone(phone) : '',
    abilities,
  };
}

/**
 * GET /demands/figures' answer for one subtree and period: the raw counts, the 三率 and score by the period's
 * configuration, and the link of the 诉求清单 each figure opens. The dashboard and the bench's limit use it too.
 */
export function presentFigures(
  raw: { received: number; overdue: number; counts: RawCounts },
  cfg: RateConfig,
  period: { from: string; to: string },
  unit: { campaignId?: number; orgId: number },
) {
  const qs = (extra: string) =>
    `/demands?${unit.campaignId ? `campaignId=${unit.campaignId}&` : ''}orgId=${unit.orgId}&${extra}`;
  const visited = `visitedFrom=${period.from}&visitedTo=${period.to}`;
  return {
    from: period.from,
    to: period.to,
    received: raw.received,
    overdue: raw.overdue,
    ...raw.counts,
    ...ratesOf(raw.counts, cfg),
    weights: {
      response: cfg.responseWeight,
      resolution: cfg.resolutionWeight,
      satisfaction: cfg.satisfactionWeight,
      basicallyFactor: cfg.basicallyFactor,
      effectiveFrom: cfg.effectiveFrom,
    },
    links: {
      received: qs(`receivedFrom=${period.from}&receivedTo=${period.to}`),
      valid: qs(`${visited}&visit=valid`),
      contacted: qs(`${visited}&visit=contacted`),
      solved: qs(`${visited}&visit=solved`),
      satisfied: qs(`${visited}&visit=satisfied`),
      basically: qs(`${visited}&visit=basically`),
      overdue: qs('overdue=true'),
    },
  };
}

export type DemandFiguresView = ReturnType<typeof presentFigures>;
