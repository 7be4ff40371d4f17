export interface Campaign {
  id: number;
  name: string;
  batch: string | null;
  startDate: string;
  endDate: string;
  generalRequirement: string;
  targets: string[];
  workLines: Array<{ key: string; label: string }>;
  focusAreas: string[];
  minStudyHours: number;
  warningDays: number;
  status: 'active' | 'finished';
  orgId: number;
  orgName: string;
  version: number;
  abilities: Record<string, boolean>;
}

export interface Reading {
  id: number;
  campaignId: number;
  title: string;
  source: string;
  sortOrder: number;
  version: number;
}
