import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Image, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { ACTIONS, ActionDialog } from './demand-actions.tsx';
import { readContact, useDemand, useDemandWrite } from './api/demands-api.ts';

const SATISFACTION: Record<string, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };
export const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/** One demand: the record, its timed steps, repeats, photos, the workflow buttons the caller may press. */
export function DemandDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { modal, message } = App.useApp();
  const q = useDemand(id);
  const d = q.data;
  const [action, setAction] = useState<string | null>(null);
  const [contact, setContact] = useState<{ name: string; phone: string } | null>(null);
  const toProblem = useDemandWrite((title: string) =>
    api(`/demands/${id}/problem`, { method: 'POST', body: { title, version: d!.version } }),
  );
  const showContact = async () => {
    try {
      setContact(await readContact(d!.id));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setContact(null);
        onClose();
      }}
      width={640}
      title={d ? `诉求 ${d.trackingCode}` : '诉求'}
    >
      {!d ? (
        <Spin />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            {ACTIONS.filter((a) => d.abilities[a.action]).map((a) => (
              <Button
                key={a.action}
                type={a.action === 'dispatch' || a.action === 'accept' || a.action === 'answer' ? 'primary' : 'default'}
                danger={a.danger}
                onClick={() => setAction(a.action)}
              >
                {a.label}
              </Button>
            ))}
            {d.abilities.toProblem && (
              <Button
                onClick={() =>
                  modal.confirm({
                    title: '转为检视整改问题',
                    content: '该诉求反映的是系统性问题，将在承办单位生成一条来源为“群众反映”的问题。',
                    okText: '转为问题',
                    cancelText: '取消',
                    onOk: async () => {
                      try {
                        await toProblem.mutateAsync(`${d.categoryName}：${d.description.slice(0, 60)}`);
                        void message.success('已转为问题');
                      } catch (e) {
                        showError(e);
                      }
                    },
                  })
                }
              >
                转为问题
              </Button>
            )}
          </Space>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">
              <Tag color={d.overdue ? 'red' : d.status === 'closed' ? 'green' : 'blue'}>{d.statusLabel}</Tag>
              {d.overdue && <Tag color="red">超时</Tag>}
              {d.repeatFlag && <Tag color="orange">疑似重复</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="渠道">{d.channelLabel}</Descriptions.Item>
            <Descriptions.Item label="类别">{d.categoryName}</Descriptions.Item>
            <Descriptions.Item label="类型">{d.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="承办单位">{d.orgName ?? '（待派单）'}</Descriptions.Item>
            <Descriptions.Item label="受理单位">{d.intakeOrgName}</Descriptions.Item>
            <Descriptions.Item label="签收时限">{time(d.acceptDueAt)}</Descriptions.Item>
            <Descriptions.Item label="办理时限">{time(d.dueAt)}</Descriptions.Item>
            <Descriptions.Item label="地点" span={2}>
              {d.address || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="诉求内容" span={2}>
              {d.description}
            </Descriptions.Item>
            {d.extensionDays && (
              <Descriptions.Item
                label="延期申请"
                span={2}
              >{`${d.extensionDays} 个工作日：${d.extensionReason}`}</Descriptions.Item>
            )}
            {d.answer && (
              <Descriptions.Item label="答复" span={2}>
                {d.answer}
              </Descriptions.Item>
            )}
            {d.satisfaction && <Descriptions.Item label="回访">{SATISFACTION[d.satisfaction]}</Descriptions.Item>}
            {d.closeReason && <Descriptions.Item label="办结说明">{d.closeReason}</Descriptions.Item>}
            <Descriptions.Item label="诉求人" span={2}>
              {d.contactVisible ? (
                <Space>
                  {contact ? `${contact.name} ${contact.phone}` : `${d.contactName} ${d.contactPhone}`}
                  {!contact && <a onClick={showContact}>查看完整信息（将记入审计）</a>}
                </Space>
              ) : (
                <Typography.Text type="secondary">{d.confidential ? '诉求人要求保密' : '无权查看'}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
          {d.nearby && (
            <Typography.Text type="warning">
              附近有同类诉求：{d.nearby.trackingCode}（第 {d.nearby.id} 号）
            </Typography.Text>
          )}
          {d.repeats.length > 0 && (
            <Typography.Text>并入的重复诉求：{d.repeats.map((r) => r.trackingCode).join('、')}</Typography.Text>
          )}
          {d.coHandlers.length > 0 && (
            <Typography.Text>协办单位：{d.coHandlers.map((c) => c.name).join('、')}</Typography.Text>
          )}
          {d.photos.length > 0 && (
            <Image.PreviewGroup>
              {d.photos.map((p) => (
                <Image key={p.id} width={96} src={`/api/v1/demands/${d.id}/photos/${p.id}`} />
              ))}
            </Image.PreviewGroup>
          )}
          <Typography.Title level={5}>办理过程</Typography.Title>
          <Timeline
            items={d.events.map((e) => ({
              children: `${time(e.at)} ${e.label}（${e.actorName}）${e.note ? `：${e.note}` : ''}`,
            }))}
          />
          <ActionDialog demand={d} action={action} onClose={() => setAction(null)} />
        </Space>
      )}
    </Drawer>
  );
}
