import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Space, Spin, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import type { Org } from '../../lib/org-types.ts';
import { AuditTimeline } from '../../components/audit-timeline.tsx';
import { OrgFormModal } from './org-form-modal.tsx';
import { OrgMoveModal } from './org-move-modal.tsx';

/** Details of one unit with the actions the caller may take on it. */
export function OrgDetail({ orgId, onSelect }: { orgId: number; onSelect: (id: number) => void }) {
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const q = useQuery({ queryKey: ['orgs', 'detail', orgId], queryFn: () => api<Org>(`/orgs/${orgId}`) });
  const [dialog, setDialog] = useState<'create' | 'edit' | 'move' | 'history' | null>(null);
  const refresh = async () => {
    setDialog(null);
    await qc.invalidateQueries({ queryKey: ['orgs'] });
  };
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
        try {
          await api(`/orgs/${org.id}/${org.active ? 'deactivate' : 'activate'}`, {
            method: 'POST',
            body: { version: org.version },
          });
          void message.success(org.active ? '已停用' : '已启用');
          await refresh();
        } catch (e) {
          showError(e);
        }
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
        onSaved={async (o) => {
          await refresh();
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
