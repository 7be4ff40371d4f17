import { useMemo, useState } from 'react';
import { App, Checkbox, Input, List, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import type { OrgNode } from '../../lib/org-types.ts';
import { useMoveOrg, useOrgSearch } from './api/orgs.ts';
import { useScopeTree } from '../../components/org-tree-select.tsx';

interface DataNode extends TreeDataNode {
  key: number;
  title: string;
  children: DataNode[];
  org: OrgNode;
}

const toData = (n: OrgNode): DataNode => ({
  key: n.id,
  title: n.active ? n.name : `${n.name}（已停用）`,
  children: n.children.map(toData),
  org: n,
});

/** The org tree of the caller's scope, with search by name / pinyin / initials and drag-and-drop moves. */
export function OrgTree({ selectedId, onSelect }: { selectedId: number | null; onSelect: (id: number) => void }) {
  const [showInactive, setShowInactive] = useState(false);
  const tree = useScopeTree(showInactive);
  const { modal } = App.useApp();
  const [q, setQ] = useState('');
  const search = useOrgSearch(q, showInactive);
  const move = useMoveOrg();
  const data = useMemo(() => (tree.data ?? []).map(toData), [tree.data]);
  const expanded = useMemo(() => data.flatMap((d) => [d.key, ...d.children.map((c) => c.key)]), [data]);

  const onDrop: TreeProps<DataNode>['onDrop'] = (info) => {
    const dragged = info.dragNode.org;
    const target = info.node.org;
    // Dropping onto a node makes it the new parent; dropping between nodes uses the target's parent.
    const parentId = info.dropToGap ? target.parentId : target.id;
    if (!parentId || parentId === dragged.parentId || !dragged.abilities.move) return;
    modal.confirm({
      title: '移动单位',
      content: `确定将“${dragged.name}”连同其下级单位移动到新的上级单位下吗？`,
      okText: '移动',
      cancelText: '取消',
      onOk: () => move.run({ org: dragged, parentId }),
    });
  };

  return (
    <div>
      <Input.Search
        placeholder="搜索单位：名称、拼音或首字母"
        allowClear
        onSearch={setQ}
        onChange={(e) => !e.target.value && setQ('')}
        style={{ marginBottom: 8 }}
      />
      <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} style={{ marginBottom: 8 }}>
        显示已停用单位
      </Checkbox>
      {q && (
        <List
          size="small"
          bordered
          loading={search.isLoading}
          dataSource={search.data?.items ?? []}
          locale={{ emptyText: '没有匹配的单位' }}
          renderItem={(o) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onSelect(o.id)}>
              <Typography.Text>{o.name}</Typography.Text>{' '}
              <Typography.Text type="secondary">{o.typeLabel}</Typography.Text>
            </List.Item>
          )}
          style={{ marginBottom: 8 }}
        />
      )}
      {tree.isLoading ? (
        <Spin />
      ) : (
        <Tree<DataNode>
          treeData={data}
          defaultExpandedKeys={expanded}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] && onSelect(Number(keys[0]))}
          draggable={{ icon: false, nodeDraggable: (n) => !!(n as DataNode).org.abilities.move }}
          onDrop={onDrop}
          blockNode
        />
      )}
    </div>
  );
}
