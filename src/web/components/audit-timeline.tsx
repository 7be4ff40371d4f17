import { Empty, Spin, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../lib/api.ts';

export interface AuditEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: number;
  entityLabel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  move: '移动',
  transfer: '调动',
  deactivate: '停用',
  activate: '启用',
  delete: '删除',
  grant: '授予角色',
  revoke: '撤销角色',
  reset_password: '重置密码',
};

function summary(e: AuditEvent): string {
  const keys = Object.keys(e.after ?? e.before ?? {}).filter((k) => !['id', 'version', 'createdAt', 'updatedAt'].includes(k));
  return keys.length ? `字段：${keys.slice(0, 6).join('、')}` : '';
}

/** The change history of one record, newest first. */
export function AuditTimeline({ entityType, entityId }: { entityType: string; entityId: number }) {
  const q = useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: () => api<Page<AuditEvent>>(`/audit/entity/${entityType}/${entityId}`),
  });
  if (q.isLoading) return <Spin />;
  if (!q.data?.items.length) return <Empty description="暂无变更记录" />;
  return (
    <Timeline
      items={q.data.items.map((e) => ({
        content: (
          <div>
            <Typography.Text strong>{ACTION_LABELS[e.action] ?? e.action}</Typography.Text> · {e.actorName}
            <div style={{ color: '#888' }}>{new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</div>
            <div style={{ color: '#888' }}>{summary(e)}</div>
          </div>
        ),
      }))}
    />
  );
}
