import { invalidField } from '../../../errors.ts';
import type { Role, ScopeKind } from '../../../../shared/roles.ts';

export interface GrantInput {
  role: Role;
  scopeKind: ScopeKind;
  orgId?: number | null;
}

/** Which scope kinds need a unit, and which roles may hold "all". */
export function checkGrantShape(input: GrantInput): void {
  if (input.scopeKind === 'all' && input.role !== 'admin')
    throw invalidField('scopeKind', '只有系统管理员可以拥有“全部”数据范围');
  if (input.role === 'admin' && input.scopeKind !== 'all')
    throw invalidField('scopeKind', '系统管理员的数据范围只能是“全部”');
  if (input.scopeKind === 'subtree' && !input.orgId) throw invalidField('orgId', '“本单位及下级”范围需要选择单位');
  if ((input.scopeKind === 'group' || input.scopeKind === 'own' || input.scopeKind === 'all') && input.orgId) {
    throw invalidField('orgId', '该数据范围不需要选择单位');
  }
}
