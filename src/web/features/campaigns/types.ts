import type { CampaignViewT, ReadingT } from '../../../shared/views/campaigns.ts';

export type Campaign = CampaignViewT;
export type Reading = ReadingT;
