import { useEffect } from 'react';
import { Button, Card, Form, InputNumber, Space, Switch, Typography, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { ReminderRuleViewT } from '../../../shared/views/reminders.ts';
import { showError } from '../../lib/form-errors.ts';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';

/** The rule as the server answers it (its response schema in src/shared/views/reminders.ts). */
type ReminderRule = ReminderRuleViewT;

const DAYS = { min: 0, max: 30, precision: 0, addonAfter: '个工作日', style: { width: 180 } };

/** 时限提醒规则 of a campaign, in working days: before the deadline to the 责任人, then up the chain. */
export function ReminderRuleCard() {
  const [campaignId, setPicked] = usePickedCampaign();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const rule = useQuery({
    queryKey: ['reminder-rule', campaignId],
    enabled: !!campaignId,
    queryFn: () => api<ReminderRule>(`/campaigns/${campaignId}/reminder-rule`),
  });
  useEffect(() => {
    if (rule.data) form.setFieldsValue(rule.data);
  }, [rule.data, form]);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<ReminderRule>(`/campaigns/${campaignId}/reminder-rule`, { method: 'PUT', body }),
    onSuccess: () => {
      message.success('提醒规则已保存');
      return qc.invalidateQueries({ queryKey: ['reminder-rule', campaignId] });
    },
  });
  const editable = rule.data?.abilities.update ?? false;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({ ...v, version: rule.data?.version ?? 0 });
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Card
      title="时限提醒规则"
      extra={<CampaignSelect value={campaignId} onChange={setPicked} />}
      data-testid="reminder-rule"
    >
      <Typography.Paragraph type="secondary">
        按工作日（含调休）计算：到期前提醒责任人；逾期首个工作日提醒责任人和分管领导；再过若干工作日报本单位第一责任人，之后上追一级。
        每项每一步只提醒一次，同一天的提醒合并为一条；只在工作时间（9:00–18:00）发送。
        {rule.data?.isDefault && '本主题教育尚未单独设置，正在使用默认规则。'}
      </Typography.Paragraph>
      <Form form={form} layout="inline" disabled={!editable} style={{ rowGap: 12 }}>
        <Form.Item name="enabled" label="发送提醒" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="beforeDays" label="到期前" rules={[{ required: true, message: '请填写到期前提醒的工作日数' }]}>
          <InputNumber {...DAYS} />
        </Form.Item>
        <Form.Item
          name="chiefAfterDays"
          label="逾期后报第一责任人"
          rules={[{ required: true, message: '请填写报第一责任人的工作日数' }]}
        >
          <InputNumber {...DAYS} />
        </Form.Item>
        <Form.Item
          name="upAfterDays"
          label="再上追一级"
          rules={[{ required: true, message: '请填写上追一级的工作日数' }]}
        >
          <InputNumber {...DAYS} />
        </Form.Item>
        {editable && (
          <Space>
            <Button type="primary" onClick={submit} loading={save.isPending}>
              保存
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
