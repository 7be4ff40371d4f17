import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { showError } from '../../lib/form-errors.ts';
import { useRate, useTracking } from './api/portal-api.ts';

const SATISFACTION = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 查询进度: the code and the phone's last four digits show the status, the steps and the answer; rate it. */
export function TrackMessage({ initial }: { initial: { code: string; phone4: string } | null }) {
  const [asked, setAsked] = useState(initial);
  const [form] = Form.useForm();
  const tracking = useTracking(asked?.code ?? null, asked?.phone4 ?? null);
  const rate = useRate(asked?.code ?? '', asked?.phone4 ?? '');
  const [choice, setChoice] = useState<string>();
  const t = tracking.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initial ? { code: initial.code, phone4: initial.phone4 } : {}}
        onFinish={(v) => setAsked({ code: String(v.code).trim().toUpperCase(), phone4: v.phone4 })}
      >
        <Form.Item name="code" label="查询码" rules={[{ required: true, message: '请填写查询码' }]}>
          <Input placeholder="TZ 开头的 12 位查询码" />
        </Form.Item>
        <Form.Item
          name="phone4"
          label="手机号后四位"
          rules={[{ required: true, pattern: /^\d{4}$/, message: '请填写手机号后四位' }]}
        >
          <Input inputMode="numeric" maxLength={4} />
        </Form.Item>
        <Button htmlType="submit" type="primary" block loading={tracking.isFetching}>
          查询
        </Button>
      </Form>
      {tracking.isError && <Alert type="warning" showIcon message="没有找到这条留言，请核对查询码和手机号后四位" />}
      {t && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="状态">
              <Tag color={t.status === 'closed' ? 'green' : 'blue'} data-testid="tracking-status">
                {t.statusLabel}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="类别">{t.categoryName}</Descriptions.Item>
            <Descriptions.Item label="地点">{t.address}</Descriptions.Item>
            <Descriptions.Item label="留言时间">{time(t.receivedAt)}</Descriptions.Item>
            {t.agency && <Descriptions.Item label="承办单位">{t.agency}</Descriptions.Item>}
            {t.answer && (
              <Descriptions.Item label="答复">
                <Typography.Paragraph style={{ margin: 0 }} data-testid="tracking-answer">
                  {t.answer}
                </Typography.Paragraph>
              </Descriptions.Item>
            )}
            {t.satisfaction && (
              <Descriptions.Item label="您的评价">
                {SATISFACTION[t.satisfaction as keyof typeof SATISFACTION]}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Timeline items={t.steps.map((s) => ({ children: `${s.label} · ${time(s.at)}` }))} />
          {t.rateable && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>请对办理结果进行评价</Typography.Text>
              <Radio.Group
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
                options={Object.entries(SATISFACTION).map(([value, label]) => ({ value, label }))}
                optionType="button"
                buttonStyle="solid"
              />
              <Button
                type="primary"
                block
                disabled={!choice}
                loading={rate.isPending}
                onClick={async () => {
                  try {
                    await rate.mutateAsync(choice!);
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                提交评价
              </Button>
            </Space>
          )}
        </>
      )}
    </Space>
  );
}
