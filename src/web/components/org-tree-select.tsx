import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { OrgNode } from '../lib/org-types.ts';
import { ORG_ROOTS_PATH, type OrgRootsT } from '../../shared/views/orgs.ts';

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

const toOptions = (n: OrgNode): TreeOption => ({ value: n.id, title: n.name, children: n.children.map(toOptions) });

/** The caller's org tree (their scope), for picking a unit; deactivated units only when asked for. */
export function useScopeTree(includeInactive = false) {
  return useQuery({
    queryKey: ['orgs', 'scope-tree', includeInactive],
    queryFn: async () => {
      const roots = await api<OrgRootsT>(ORG_ROOTS_PATH);
      return Promise.all(
        roots.items.map((r) =>
          api<OrgNode>(`/orgs/${r.id}/tree`, { query: includeInactive ? { includeInactive } : undefined }),
        ),
      );
    },
  });
}

/** A unit picker over the caller's scope, searchable by name. */
export function OrgTreeSelect(props: {
  value?: number | null;
  onChange?: (v: number) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
}) {
  const tree = useScopeTree();
  return (
    <TreeSelect
      id={props.id}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v as number)}
      treeData={(tree.data ?? []).map(toOptions)}
      loading={tree.isLoading}
      placeholder={props.placeholder ?? '选择单位'}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      disabled={props.disabled}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
