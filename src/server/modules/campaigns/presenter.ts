import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { campaignPolicy } from './policy.ts';
import type { CampaignRow } from './repository.ts';

/** A campaign with its configuration lists parsed. */
export function presentCampaign(actor: Actor, c: CampaignRow) {
  const { orgPath, targets, workLines, focusAreas, ...rest } = c;
  return {
    ...rest,
    targets: JSON.parse(targets) as string[],
    workLines: JSON.parse(workLines) as Array<{ key: string; label: string }>,
    focusAreas: JSON.parse(focusAreas) as string[],
    abilities: abilitiesOf(campaignPolicy, actor, { orgPath }),
  };
}
