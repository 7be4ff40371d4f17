import { hasRole, isAdmin, type Policy } from '../../policies/engine.ts';
import { scopeContains } from '../../db/scope.ts';

export interface CampaignSubject {
  orgPath: string;
}

const manages: Policy<CampaignSubject>[string] = (actor, c) => isAdmin(actor) || (hasRole(actor, 'office') && scopeContains(actor.scope, c.orgPath));

/**
 * Campaign configuration belongs to the admin and the office of the running unit. Reading is decided in
 * SQL (repository.readableCampaigns): a loaded campaign is readable by definition.
 */
export const campaignPolicy: Policy<CampaignSubject> = {
  read: () => true,
  update: manages,
  manageReadings: manages,
};

/** Whether the caller may start a campaign run by the unit at `orgPath`. */
export const canCreateFor = (actor: Parameters<typeof manages>[0], orgPath: string) => manages(actor, { orgPath });
