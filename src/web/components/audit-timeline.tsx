import { Button, Empty, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../lib/api.ts';
import { ACTION_LABELS } from '../../shared/vocabulary.ts';
import type { AuditEventT, AuditTimelineT } from '../../shared/views/audit.ts';
import { diffRows } from './audit-labels.ts';
import { AuditDiff } from './audit-diff.tsx';

/** An audit entry as the server answers it (its response schema in src/shared/views/audit.ts). */
export type AuditEvent = AuditEventT;

/** A recorded instant in Beijing time. */
export function formatInstant(at: string): string {
  return new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function summary(e: AuditEvent): string {
  const changed = diffRows(e.before, e.after, e.entityType)
    .filter((r) => r.changed)
    .map((r) => r.label);
  return changed.length ? `涉及：${changed.slice(0, 6).join('、')}${changed.length > 6 ? ' 等' : ''}` : '';
}

/** The change history of one record, newest first; each entry opens its before/after. */
export function AuditTimeline({ entityType, entityId }: { entityType: string; entityId: number }) {
  const [open, setOpen] = useState<number | null>(null);
  const q = useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: () => api<AuditTimelineT>(`/audit/entity/${entityType}/${entityId}`),
    retry: false,
  });
  if (q.isLoading) return <Spin />;
  // The server answers 404 both for a record without history and one outside the caller's scope.
  if (q.isError && q.error instanceof ApiError && q.error.status === 404) return <Empty description="暂无变更记录" />;
  if (q.isError) return <Empty description="暂时无法加载变更记录，请稍后重试" />;
  if (!q.data?.items.length) return <Empty description="暂无变更记录" />;
  return (
    <Timeline
      items={q.data.items.map((e) => ({
        content: (
          <div>
            <Typography.Text strong>{ACTION_LABELS[e.action] ?? e.action}</Typography.Text> · {e.actorName}
            <div style={{ color: '#888' }}>{formatInstant(e.at)}</div>
            <div style={{ color: '#888' }}>
              {summary(e)}{' '}
              <Button type="link" size="small" onClick={() => setOpen(open === e.id ? null : e.id)}>
                {open === e.id ? '收起' : '详情'}
              </Button>
            </div>
            {open === e.id && <AuditDiff before={e.before} after={e.after} entityType={e.entityType} />}
          </div>
        ),
      }))}
    />
  );
}
