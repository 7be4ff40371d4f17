import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../../../shared/notification-events.ts';
import { robotPolicy } from './policy.ts';
import type { RobotRow } from './repository.ts';

const ROBOT_STATUS = { active: '正常', broken: '已停用（机器人拒绝）' } as const;

/** A robot as the API shows it: never its address or secret — only a hint and whether a secret is set. */
export function presentRobot(actor: Actor, r: RobotRow) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    kind: r.kind,
    name: r.name,
    urlHint: r.urlHint,
    hasSecret: r.secretEnc !== null,
    events: JSON.parse(r.events) as string[],
    status: r.status,
    statusLabel: ROBOT_STATUS[r.status as keyof typeof ROBOT_STATUS] ?? r.status,
    brokenReason: r.brokenReason,
    version: r.version,
    abilities: abilitiesOf(robotPolicy, actor, { orgPath: r.orgPath }),
  };
}

export function eventLabel(event: string): string {
  return NOTIFICATION_EVENTS[event as NotificationEvent] ?? (event === 'digest' ? '汇总' : event);
}
