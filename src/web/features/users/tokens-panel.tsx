import { useState } from 'react';
import { Alert, Button, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useCreateToken, useRevokeToken, useTokens } from './api/users.ts';
import type { TokenView, UserView } from './types.ts';

const time = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '从未');

/** API tokens for scripts (Authorization: Bearer); the secret is shown once. */
export function TokensPanel({ user }: { user: UserView }) {
  const list = useTokens(user.id);
  const createToken = useCreateToken();
  const revokeToken = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = async () => {
    const made = await createToken.run({ userId: user.id, name });
    if (!made.ok) return;
    setCreated(made.data.token ?? null);
    setName('');
  };
  const revoke = (t: TokenView) => revokeToken.run({ userId: user.id, token: t });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {created && (
        <Alert
          type="success"
          showIcon
          title="令牌已创建，请立即复制保存，关闭后将无法再次查看"
          description={
            <Typography.Text copyable code>
              {created}
            </Typography.Text>
          }
          closable
          onClose={() => setCreated(null)}
        />
      )}
      <Space>
        <Input
          placeholder="令牌用途，如：12345 平台对接"
          value={name}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 280 }}
        />
        <Button type="primary" disabled={!name.trim()} onClick={create}>
          创建令牌
        </Button>
      </Space>
      <Table<TokenView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: '用途', dataIndex: 'name' },
          { title: '创建时间', dataIndex: 'createdAt', render: time },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: time },
          {
            title: '操作',
            render: (_v, t) => (
              <Popconfirm title="吊销该令牌？" okText="吊销" cancelText="取消" onConfirm={() => revoke(t)}>
                <a>吊销</a>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
