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
