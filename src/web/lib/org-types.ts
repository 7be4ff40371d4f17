/** Org shapes the web app reads from /api/v1/orgs (shared by features through lib, not by each other). */
export interface Org {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  typeLabel: string;
  depth: number;
  sortOrder: number;
  secretaryId: number | null;
  secretaryName?: string | null;
  active: boolean;
  version: number;
  childCount?: number;
  peopleCount?: number;
  abilities: Record<string, boolean>;
}

export interface OrgNode extends Org {
  children: OrgNode[];
}
