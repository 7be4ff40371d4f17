/** Org shapes the web app reads from /api/v1/orgs (shared by features through lib, not by each other). */
import type { OrgNodeT, OrgViewT } from '../../shared/views/orgs.ts';

export type Org = OrgViewT;

/** A unit with its sub-units, as `GET /orgs/{id}/tree` answers. */
export type OrgNode = OrgNodeT;
