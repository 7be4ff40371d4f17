import { Space, Tag, Typography } from 'antd';
import { TASK_LIGHTS } from '../../../shared/task-enums.ts';
import { LIGHT_COLOURS, STATUS_COLOURS, type Task } from './types.ts';

/** The derived status, with 曾滞后 and 未更新 beside it. */
export function StatusTags({ task }: { task: Task }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[task.status]}>{task.statusLabel}</Tag>
      {task.wasBehind && <Tag color="orange">曾滞后</Tag>}
      {task.stale && <Tag color="volcano">未更新</Tag>}
    </Space>
  );
}

/** The 红黄绿 light (— before the start). */
export function Light({ task }: { task: Task }) {
  if (!task.light) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span
      title={TASK_LIGHTS[task.light]}
      style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: LIGHT_COLOURS[task.light] }}
    />
  );
}
