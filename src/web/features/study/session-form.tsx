import { useEffect, useState } from 'react';
import { Button, DatePicker, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { SESSION_KINDS, SESSION_MODES } from '../../../shared/study-enums.ts';

interface RosterPerson {
  id: number;
  name: string;
  position: string;
}
interface Mark {
  status: 'present' | 'absent';
  reason: string;
}

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** 记录集中学习: the session, then attendance from the unit's roster in a few clicks (everyone present by default). */
export function SessionForm({
  open,
  campaignId,
  onClose,
  onSaved,
}: {
  open: boolean;
  campaignId: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const orgId = Form.useWatch('orgId', form) as number | undefined;
  const roster = useQuery({
    queryKey: ['study', 'roster', orgId],
    queryFn: () => api<{ items: RosterPerson[] }>('/study/sessions/roster', { query: { orgId } }),
    enabled: !!orgId,
  });
  const readings = useQuery({
    queryKey: ['campaigns', campaignId, 'readings'],
    queryFn: () => api<{ items: Array<{ id: number; title: string }> }>(`/campaigns/${campaignId}/readings`),
  });
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  useEffect(() => {
    setMarks(Object.fromEntries((roster.data?.items ?? []).map((p) => [p.id, { status: 'present', reason: '' }])));
  }, [roster.data]);
  const save = async () => {
    const v = await form.validateFields();
    const attendance = Object.entries(marks).map(([personId, m]) => ({
      personId: Number(personId),
      status: m.status,
      reason: m.status === 'absent' ? m.reason : undefined,
    }));
    try {
      await api('/study/sessions', {
        method: 'POST',
        body: { ...v, campaignId, date: v.date.format('YYYY-MM-DD'), attendance },
      });
      form.resetFields();
      onSaved();
    } catch (e) {
      showError(e, form);
    }
  };
  const set = (id: number, patch: Partial<Mark>) => setMarks((m) => ({ ...m, [id]: { ...m[id], ...patch } }));
  return (
    <Drawer
      open={open}
      title="记录集中学习"
      size={820}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={save}>
          保存
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'members_meeting', mode: 'exchange', hours: 2, date: dayjs(), online: false }}
      >
        <Form.Item name="orgId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="topic" label="学习主题" rules={[{ required: true, message: '请填写学习主题' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="kind" label="学习形式">
            <Select options={options(SESSION_KINDS)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="mode" label="学习方式">
            <Select options={options(SESSION_MODES)} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
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
          <Select mode="multiple" options={(roster.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      </Form>
      {orgId && (
        <Table<RosterPerson>
          rowKey="id"
          size="small"
          loading={roster.isLoading}
          pagination={false}
          dataSource={roster.data?.items ?? []}
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
