import { useState } from 'react';
import { Button, Card, Drawer, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../../../shared/notification-events.ts';
import { showError } from '../../lib/form-errors.ts';
import { useDeleteRobot, useDeliveries, useRobots, useTestRobot, type Robot } from './api/webhooks.ts';
import { RobotForm } from './robot-form.tsx';
import { ReminderRuleCard } from './reminder-rule-card.tsx';

const DELIVERY_STATUS: Record<string, [string, string]> = {
  pending: ['待发送', 'blue'],
  sent: ['已发送', 'green'],
  failed: ['失败', 'red'],
  folded: ['已并入汇总', 'default'],
};

/** 群机器人: the office connects DingTalk / WeCom group robots to its units, tests them and reads their delivery log. */
export function WebhooksPage() {
  const robots = useRobots();
  const remove = useDeleteRobot();
  const test = useTestRobot();
  const [editing, setEditing] = useState<Robot | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [logOf, setLogOf] = useState<Robot | null>(null);
  const log = useDeliveries(logOf?.id ?? null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ReminderRuleCard />
      <Card
        title="群机器人（钉钉 / 企业微信）"
        extra={
          <Button
            type="primary"
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            接入群机器人
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          消息以 Markdown 推送并附台账链接；每个机器人每分钟至多 20
          条，超出的合并为一条汇总；地址与加签密钥加密保存，保存后不再显示。
        </Typography.Paragraph>
        <Table
          rowKey="id"
          loading={robots.isLoading}
          dataSource={robots.data?.items ?? []}
          pagination={false}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '所属单位', dataIndex: 'orgName' },
            { title: '类型', dataIndex: 'kind', render: (k: string) => (k === 'dingtalk' ? '钉钉' : '企业微信') },
            { title: '地址', dataIndex: 'urlHint', render: (u: string, r) => `${u}${r.hasSecret ? '（加签）' : ''}` },
            {
              title: '推送事件',
              dataIndex: 'events',
              render: (ev: string[]) =>
                ev.map((e) => <Tag key={e}>{NOTIFICATION_EVENTS[e as NotificationEvent] ?? e}</Tag>),
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (l: string, r) => (
                <Tag color={r.status === 'active' ? 'green' : 'red'} title={r.brokenReason}>
                  {l}
                </Tag>
              ),
            },
            {
              title: '操作',
              render: (_: unknown, r) => (
                <Space>
                  <Button
                    size="small"
                    loading={test.isPending && test.variables === r.id}
                    onClick={() =>
                      test.mutate(r.id, {
                        onSuccess: (a) =>
                          a.ok ? void message.success('测试消息已送达') : void message.error(`发送失败：${a.error}`),
                        onError: (e) => showError(e),
                      })
                    }
                  >
                    测试发送
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(r);
                      setFormOpen(true);
                    }}
                  >
                    修改
                  </Button>
                  <Button size="small" onClick={() => setLogOf(r)}>
                    发送记录
                  </Button>
                  <Popconfirm
                    title="删除该机器人及其发送记录？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove.mutate(r)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        <RobotForm robot={editing} open={formOpen} onClose={() => setFormOpen(false)} />
        <Drawer title={`发送记录：${logOf?.name ?? ''}`} open={!!logOf} onClose={() => setLogOf(null)} size="large">
          <Table
            rowKey="id"
            size="small"
            loading={log.isLoading}
            dataSource={log.data?.items ?? []}
            pagination={false}
            columns={[
              { title: '时间', dataIndex: 'createdAt', render: (t: string) => dayjs(t).format('MM-DD HH:mm:ss') },
              { title: '事件', dataIndex: 'eventLabel' },
              { title: '标题', dataIndex: 'title', ellipsis: true },
              {
                title: '状态',
                dataIndex: 'status',
                render: (s: string) => <Tag color={DELIVERY_STATUS[s]?.[1]}>{DELIVERY_STATUS[s]?.[0] ?? s}</Tag>,
              },
              { title: '次数', dataIndex: 'attempts' },
              { title: '错误', dataIndex: 'error', ellipsis: true },
            ]}
          />
        </Drawer>
      </Card>
    </Space>
  );
}
