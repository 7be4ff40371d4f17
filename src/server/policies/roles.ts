/**
 * The role groups every policy speaks in, named once. A rule says "reviewers in scope may approve", never
 * lists roles itself, so a new role (or a role's new duty) is one edit here.
 */
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../../shared/roles.ts';
import { hasRole } from './engine.ts';

export const ROLE_GROUPS = {
  /** 领导小组办公室 and the administrator: the org tree, campaigns, supervision groups, 分管, 专项整治. */
  managers: ['admin', 'office'],
  /** Those who review and approve (the 第一责任人 above a unit's work): 审核, 销号, plans, reports, 印发. */
  reviewers: ['admin', 'office', 'secretary'],
  /** Those who keep a unit's ledgers: sessions, meetings, people, drafts of institutions. */
  recorders: ['admin', 'office', 'secretary', 'officer'],
  /** Those who put problems on the rectification loop (recorders and the leaders guiding units). */
  rectifiers: ['admin', 'office', 'secretary', 'officer', 'leader'],
  /** Those who lead research topics of their own. */
  researchLeads: ['admin', 'office', 'secretary', 'leader'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUPS;

/** Whether the actor holds a role of the group. */
export const inGroup = (actor: Actor, group: RoleGroup): boolean => hasRole(actor, ...ROLE_GROUPS[group]);

export const isManager = (actor: Actor) => inGroup(actor, 'managers');
export const isReviewer = (actor: Actor) => inGroup(actor, 'reviewers');
export const isRecorder = (actor: Actor) => inGroup(actor, 'recorders');
export const isRectifier = (actor: Actor) => inGroup(actor, 'rectifiers');
export const isResearchLead = (actor: Actor) => inGroup(actor, 'researchLeads');
export const isOfficer = (actor: Actor) => hasRole(actor, 'officer');
