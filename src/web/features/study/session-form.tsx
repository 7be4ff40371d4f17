import { useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, Table } from 'antd';
import dayjs from 'dayjs';
import { useIsPhone } from '../../lib/responsive.ts';
import type { CampaignOption } from '../../components/campaign-select.tsx';
import {
  useReadings,
  useRecordSession,
  useRoster,
  useUpdateSession,
  type RosterPerson,
  type Session,
} from './api/study.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules, outsideCampaign } from '../../lib/date-rules.ts';
import { SESSION_KINDS, SESSION_MODES, rosterOf } from '../../../shared/study-enums.ts';
import { today } from '../../lib/today.ts';

interface Mark {
  status: 'present' | 'absent';
  reason: string;
}

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

const marksOf = (people: Array<{ id: number }>) =>
  Object.fromEntries(people.map((p) => [p.id, { status: 'present', reason: '' } as Mark]));

/**
 * 记录集中学习: the session, then attendance from whom its kind concerns (everyone present by default). Given a
 * recorded `session`, 修改集中学习: the same form over what was recorded — its attendance list is who was 应到
 * then, so its kind may change only to one that concerns the same people.
 */
export function SessionForm({
  open,
  campaignId,
  campaign,
  session,
  onClose,
  onSaved,
}: {
  open: boolean;
  campaignId: number;
  session?: Session;
  /** Its dates: a session outside them is asked about before saving. */
  campaign?: Pick<CampaignOption, 'startDate' | 'endDate'>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { modal } = App.useApp();
  const phone = useIsPhone();
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const roster = useRoster(orgId, kind, !session);
  const readings = useReadings(campaignId);
  const record = useRecordSession();
  const update = useUpdateSession();
  const people: RosterPerson[] = session
    ? session.attendance.map((a) => ({ id: a.personId, name: a.name, position: '' }))
    : (roster.data?.items ?? []);
  const [marks, setMarks] = useState<Record<number, Mark>>(() =>
    Object.fromEntries(
      (session?.attendance ?? []).map((a) => [a.personId, { status: a.status as Mark['status'], reason: a.reason }]),
    ),
  );
  useEffect(() => {
    if (!session) setMarks(marksOf(roster.data?.items ?? []));
  }, [roster.data, session]);
  const save = async () => {
    const v = await form.validateFields();
    const attendance = Object.entries(marks).map(([personId, m]) => ({
      personId: Number(personId),
      status: m.status,
      reason: m.status === 'absent' ? m.reason : undefined,
    }));
    const date = v.date.format('YYYY-MM-DD');
    const outside = outsideCampaign(date, campaign, '该学习日期');
    if (outside && !(await modal.confirm(outside))) return;
    const saved = session
      ? await update.run({ ...v, orgId: undefined, id: session.id, version: session.version, date, attendance }, form)
      : await record.run({ ...v, campaignId, date, attendance }, form);
    if (!saved.ok) return;
    form.resetFields();
    onSaved();
  };
  const set = (id: number, patch: Partial<Mark>) => setMarks((m) => ({ ...m, [id]: { ...m[id], ...patch } }));
  return (
    <Drawer
      open={open}
      title={session ? '修改集中学习' : '记录集中学习'}
      size={phone ? '100%' : 820}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={record.isPending || update.isPending} onClick={save}>
          保存
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          session
            ? { ...session, date: dayjs(session.date) }
            : { kind: 'members_meeting', mode: 'exchange', hours: 2, date: today(), online: false }
        }
      >
        <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect disabled={!!session} />
        </Form.Item>
        <Form.Item name="topic" label="学习主题" rules={[{ required: true, message: '请填写学习主题' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item
            name="kind"
            label="学习形式"
            tooltip={
              session
                ? '只能改为应到人员相同的形式（党的组织生活只计党员）'
                : '党的组织生活（支部党员大会、党课等）只计党员'
            }
          >
            <Select
              options={options(SESSION_KINDS).filter((o) => !session || rosterOf(o.value) === rosterOf(session.kind))}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name="mode" label="学习方式">
            <Select options={options(SESSION_MODES)} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={dateRules('日期', { required: true, happened: true })}>
            <StrictDatePicker disabledDate={(d) => d.isAfter(today(), 'day')} />
          </Form.Item>
          <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
            <InputNumber min={0.5} max={24} step={0.5} />
          </Form.Item>
          <Form.Item name="online" label="线上" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="speaker" label="主讲人" rules={[{ max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="readingIds" label="学习篇目（必学篇目）">
          <Select
            mode="multiple"
            options={(readings.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
          />
        </Form.Item>
        <Form.Item name="speakerIds" label="交流发言人（每人逐一发言）">
          <Select mode="multiple" options={people.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      </Form>
      {orgId && (
        <Table<RosterPerson>
          rowKey="id"
          size="small"
          loading={!session && roster.isLoading}
          pagination={false}
          dataSource={people}
          title={() =>
            `出勤登记：应到 ${Object.keys(marks).length} 人，实到 ${Object.values(marks).filter((m) => m.status === 'present').length} 人`
          }
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '职务', dataIndex: 'position', width: 140 },
            {
              title: '出勤',
              width: 160,
              render: (_v, p) => (
                <Radio.Group
                  size="small"
                  value={marks[p.id]?.status}
                  onChange={(e) => set(p.id, { status: e.target.value })}
                  options={[
                    { value: 'present', label: '出席' },
                    { value: 'absent', label: '缺席' },
                  ]}
                  optionType="button"
                />
              ),
            },
            {
              title: '缺席原因（缺席者自动生成补学事项）',
              render: (_v, p) =>
                marks[p.id]?.status === 'absent' && (
                  <Input
                    size="small"
                    status={marks[p.id].reason ? '' : 'error'}
                    placeholder="必填"
                    value={marks[p.id].reason}
                    onChange={(e) => set(p.id, { reason: e.target.value })}
                    aria-label={`${p.name}缺席原因`}
                  />
                ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
