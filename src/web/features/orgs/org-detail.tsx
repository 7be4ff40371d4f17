import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Space, Spin, Tag } from 'antd';
import { useOrg, useToggleOrgActive } from './api/orgs.ts';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { OrgFormModal } from './org-form-modal.tsx';
import { OrgMoveModal } from './org-move-modal.tsx';

/** Details of one unit with the actions the caller may take on it. */
export function OrgDetail({ orgId, onSelect }: { orgId: number; onSelect: (id: number) => void }) {
  const { modal } = App.useApp();
  const q = useOrg(orgId);
  const toggle = useToggleOrgActive();
  const [dialog, setDialog] = useState<'create' | 'edit' | 'move' | 'history' | null>(null);
  // The writes refresh the org queries themselves (api/orgs.ts).
  const refresh = () => setDialog(null);
  if (q.isLoading || !q.data)
    return (
      <Card>
        <Spin />
      </Card>
    );
  const org = q.data;
  const toggleActive = () =>
    modal.confirm({
      title: org.active ? '停用单位' : '启用单位',
      content: org.active
        ? `停用“${org.name}”后，它将不再出现在组织树中。需先停用或转移其下级单位和人员。`
        : `重新启用“${org.name}”？`,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if ((await toggle.run(org)).ok) refresh();
      },
    });
  return (
    <Card
      title={
        <Space>
          {org.name}
          <Tag>{org.typeLabel}</Tag>
          {!org.active && <Tag color="default">已停用</Tag>}
        </Space>
      }
      extra={
        <Space>
          {org.abilities.createChild && (
            <Button type="primary" onClick={() => setDialog('create')}>
              新建下级单位
            </Button>
          )}
          {org.abilities.update && <Button onClick={() => setDialog('edit')}>编辑</Button>}
          {org.abilities.move && org.parentId && <Button onClick={() => setDialog('move')}>移动到…</Button>}
          {org.abilities.deactivate && org.parentId && (
            <Button danger={org.active} onClick={toggleActive}>
              {org.active ? '停用' : '启用'}
            </Button>
          )}
          <Button onClick={() => setDialog('history')}>变更记录</Button>
        </Space>
      }
    >
      <Descriptions column={3} size="small">
        <Descriptions.Item label="单位类型">{org.typeLabel}</Descriptions.Item>
        <Descriptions.Item label="第一责任人">{org.secretaryName ?? '未设置'}</Descriptions.Item>
        <Descriptions.Item label="状态">{org.active ? '在用' : '已停用'}</Descriptions.Item>
        <Descriptions.Item label="下级单位">{org.childCount ?? 0} 个</Descriptions.Item>
        <Descriptions.Item label="在册人员">{org.peopleCount ?? 0} 人</Descriptions.Item>
        <Descriptions.Item label="排序号">{org.sortOrder}</Descriptions.Item>
      </Descriptions>
      <OrgFormModal
        open={dialog === 'create'}
        parent={org}
        onClose={() => setDialog(null)}
        onSaved={(o) => {
          refresh();
          onSelect(o.id);
        }}
      />
      <OrgFormModal open={dialog === 'edit'} org={org} onClose={() => setDialog(null)} onSaved={refresh} />
      {dialog === 'move' && <OrgMoveModal open org={org} onClose={() => setDialog(null)} onMoved={refresh} />}
      <Drawer open={dialog === 'history'} title={`变更记录：${org.name}`} onClose={() => setDialog(null)} size={480}>
        {dialog === 'history' && <AuditTimeline entityType="org" entityId={org.id} />}
      </Drawer>
    </Card>
  );
}
