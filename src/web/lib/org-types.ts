/** Org shapes the web app reads from /api/v1/orgs (shared by features through lib, not by each other). */
import type { OrgViewT } from '../../shared/views/orgs.ts';

export type Org = OrgViewT;

export interface OrgNode extends Org {
  children: OrgNode[];
}
