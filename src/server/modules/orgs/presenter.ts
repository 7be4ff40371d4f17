import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { ORG_TYPES, type OrgType } from '../../../shared/org-types.ts';
import { orgPolicy } from './policy.ts';
import type { OrgRow } from './repository.ts';

/** The public shape of a unit, with what the caller may do to it. */
export function presentOrg(actor: Actor, org: OrgRow, extra: Record<string, unknown> = {}) {
  return {
    id: org.id,
    parentId: org.parentId,
    name: org.name,
    type: org.type,
    typeLabel: ORG_TYPES[org.type as OrgType] ?? org.type,
    depth: org.depth,
    sortOrder: org.sortOrder,
    secretaryId: org.secretaryId,
    active: org.active === 1,
    version: org.version,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
    ...extra,
    abilities: abilitiesOf(orgPolicy, actor, org),
  };
}

export type OrgView = ReturnType<typeof presentOrg>;
export type OrgNode = OrgView & { children: OrgNode[] };

/** Nests a path-ordered list of units under their parents. */
export function nestOrgs(actor: Actor, rows: OrgRow[]): OrgNode[] {
  const byId = new Map<number, OrgNode>();
  const roots: OrgNode[] = [];
  for (const row of rows) {
    const node: OrgNode = { ...presentOrg(actor, row), children: [] };
    byId.set(row.id, node);
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
