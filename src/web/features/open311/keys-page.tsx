import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { showError } from '../../lib/form-errors.ts';
import { useOpen311KeyWrite, useOpen311Keys, type Open311Key } from './api/keys-api.ts';

/** Open311 接入密钥: an admin issues a key to a city platform (shown once), and revokes it. */
export function Open311KeysPage() {
  const keys = useOpen311Keys();
  const write = useOpen311KeyWrite();
  const [asking, setAsking] = useState(false);
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const issue = async () => {
    const v = await form.validateFields();
    try {
      setIssued(await write.issue.mutateAsync(v.name));
      setAsking(false);
      form.resetFields();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Card
      title="Open311 接入密钥"
      extra={
        <Button type="primary" onClick={() => setAsking(true)}>
          签发密钥
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        城市平台通过 Open311 GeoReport v2（/open311/v2/）提交诉求时须带上 api_key；查询不需要密钥。
      </Typography.Paragraph>
      <Table<Open311Key>
        rowKey="id"
        size="small"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '接入平台', dataIndex: 'name' },
          {
            title: '签发时间',
            dataIndex: 'createdAt',
            width: 200,
            render: (v: string) => v.slice(0, 19).replace('T', ' '),
          },
          {
            title: '状态',
            width: 90,
            render: (_v, k) => (k.active ? <Tag color="green">有效</Tag> : <Tag>已吊销</Tag>),
          },
          {
            title: '操作',
            width: 90,
            render: (_v, k) =>
              k.active && (
                <Popconfirm
                  title="吊销后该平台不能再提交诉求，确定吊销？"
                  okText="吊销"
                  cancelText="取消"
                  onConfirm={() => write.revoke.mutateAsync(k.id).catch((e) => showError(e))}
                >
                  <a>吊销</a>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={asking}
        title="签发 Open311 接入密钥"
        okText="签发"
        cancelText="取消"
        onOk={issue}
        onCancel={() => setAsking(false)}
        confirmLoading={write.issue.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label="接入平台名称"
            rules={[{ required: true, message: '请填写平台名称' }, { max: 100 }]}
          >
            <Input placeholder="如：市 12345 政务服务便民热线平台" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!issued} title="密钥已签发" footer={null} onCancel={() => setIssued(null)}>
        <Alert type="warning" showIcon message="密钥只显示这一次，请立即复制交给对方平台。" />
        <Typography.Paragraph copyable style={{ marginTop: 12, fontFamily: 'monospace' }}>
          {issued?.key}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{issued?.name}</Typography.Text>
      </Modal>
    </Card>
  );
}
