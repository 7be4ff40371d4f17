/**
 * The role groups every policy speaks in (named once, in src/shared/roles.ts, so the web hides what the server
 * refuses by the same names). A rule says "reviewers in scope may approve", never lists roles itself.
 */
import type { Actor } from '../auth/actor.ts';
import { ROLE_GROUPS, type RoleGroup } from '../../shared/roles.ts';
import { hasRole } from './engine.ts';

export { ROLE_GROUPS, type RoleGroup };

/** Whether the actor holds a role of the group. */
export const inGroup = (actor: Actor, group: RoleGroup): boolean => hasRole(actor, ...ROLE_GROUPS[group]);

export const isManager = (actor: Actor) => inGroup(actor, 'managers');
export const isReviewer = (actor: Actor) => inGroup(actor, 'reviewers');
export const isRecorder = (actor: Actor) => inGroup(actor, 'recorders');
export const isRectifier = (actor: Actor) => inGroup(actor, 'rectifiers');
export const isResearchLead = (actor: Actor) => inGroup(actor, 'researchLeads');
export const isOrganiser = (actor: Actor) => inGroup(actor, 'organisers');
export const isOfficer = (actor: Actor) => hasRole(actor, 'officer');
