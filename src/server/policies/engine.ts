import type { Actor } from '../auth/actor.ts';
import type { Role } from '../../shared/roles.ts';
import { forbidden } from '../errors.ts';

/** A permission rule: pure and synchronous, over data the command already loaded. */
export type Rule<R = unknown> = (actor: Actor, record: R) => boolean;

/** A module's rules, one per action. */
export type Policy<R = unknown> = Record<string, Rule<R>>;

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

/** Throws 403 unless the rule allows the action. */
export function authorize<R>(policy: Policy<R>, action: string, actor: Actor, record: R, message?: string): void {
  const rule = policy[action];
  if (!rule?.(actor, record)) throw forbidden(message);
}

/**
 * Every action of a policy evaluated for one record: sent with each response so the UI hides what it may
 * not do. `open` (from the module's lifecycle) says whether the record's state allows the action at all.
 */
export function abilitiesOf<R>(
  policy: Policy<R>,
  actor: Actor,
  record: R,
  open: (action: string) => boolean = () => true,
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [action, rule] of Object.entries(policy)) out[action] = open(action) && rule(actor, record);
  return out;
}
