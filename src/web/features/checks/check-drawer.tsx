import { Button, Descriptions, Drawer, Form, Input, List, Select, Space, Tag, message } from 'antd';
import dayjs from 'dayjs';
import { showError } from '../../lib/form-errors.ts';
import { CHECK_METHODS } from '../../../shared/check-enums.ts';
import { useCheck, useRecordCheck } from './api/checks.ts';
import { StrictDatePicker } from '../../components/strict-date-picker.tsx';
import { dateRules } from '../../lib/date-rules.ts';

const COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green', blue: 'blue', none: 'default' };

/** A check's detail; while planned, the form that records it (each finding becomes a problem of the unit). */
export function CheckDrawer(props: { id: number | null; onClose: () => void }) {
  const check = useCheck(props.id);
  const record = useRecordCheck();
  const [form] = Form.useForm();
  const c = check.data;
  const submit = async () => {
    if (!c) return;
    const v = await form.validateFields();
    try {
      await record.mutateAsync({
        id: c.id,
        version: c.version,
        date: v.date ? v.date.format('YYYY-MM-DD') : undefined,
        method: v.method,
        summary: v.summary,
        findings: (v.findings ?? []).filter((f: { text?: string }) => f?.text?.trim()),
      });
      void message.success('检查已记录，发现问题已转入被检查单位的问题清单');
      form.resetFields();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Drawer open={props.id !== null} onClose={props.onClose} title="检查详情" width={640} destroyOnHidden>
      {c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="被检查单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={c.status === 'planned' ? 'orange' : 'green'}>{c.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="检查日期">{c.date}</Descriptions.Item>
            <Descriptions.Item label="方式">{c.methodLabel}</Descriptions.Item>
            <Descriptions.Item label="检查人员" span={2}>
              {c.inspectors.map((i) => i.name).join('、') || '—'}
            </Descriptions.Item>
            {c.summary && (
              <Descriptions.Item label="检查情况" span={2}>
                {c.summary}
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.status === 'recorded' && (
            <List
              header="发现问题及整改情况"
              bordered
              size="small"
              dataSource={c.findings}
              locale={{ emptyText: '未发现问题' }}
              renderItem={(f) => (
                <List.Item
                  extra={
                    <Space>
                      {f.problemStatusLabel && <Tag>{f.problemStatusLabel}</Tag>}
                      {f.colour && <Tag color={COLOURS[f.colour]}>{f.colourLabel}</Tag>}
                    </Space>
                  }
                >
                  {f.text}
                </List.Item>
              )}
            />
          )}
          {c.abilities.record && (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ date: dayjs(c.date), method: c.method, findings: [{ text: '' }] }}
            >
              <Space>
                <Form.Item name="date" label="检查日期" rules={dateRules('检查日期', { happened: true })}>
                  <StrictDatePicker />
                </Form.Item>
                <Form.Item name="method" label="检查方式">
                  <Select
                    style={{ width: 160 }}
                    options={Object.entries(CHECK_METHODS).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
              </Space>
              <Form.Item name="summary" label="检查情况" rules={[{ max: 4000 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.List name="findings">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Space key={field.key} align="start" style={{ display: 'flex' }}>
                        <Form.Item
                          name={[field.name, 'text']}
                          label={`发现问题${i + 1}`}
                          rules={[{ max: 2000 }]}
                          style={{ width: 500 }}
                        >
                          <Input.TextArea rows={2} />
                        </Form.Item>
                        <Button type="link" onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                          删除
                        </Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ text: '' })}>增加一条发现问题</Button>
                  </>
                )}
              </Form.List>
              <div style={{ marginTop: 16 }}>
                <Button type="primary" onClick={submit} loading={record.isPending}>
                  记录检查
                </Button>
              </div>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
