import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router';
import { api, ApiError } from '../../lib/api.ts';

const demoAccounts = [
  ['admin', '系统管理员'],
  ['office', '领导小组办公室'],
  ['secretary', '第一责任人（局党委书记）'],
  ['leader', '班子成员（分管领导）'],
  ['officer', '支部书记（党务干部）'],
  ['member', '党员干部'],
  ['supervisor', '督导组'],
  ['branch', '受检支部书记（督导检查发现的问题）'],
];

/** Sign-in page, naming the demo accounts. */
export function LoginPage() {
  const location = useLocation() as { state?: { from?: string } };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api('/session', { method: 'POST', body: values });
      // A fresh start of the app: nothing cached under a previous account may show for this one.
      window.location.assign(location.state?.from ?? '/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(#c8161d 0 35%, #f5f5f5 35%)',
      }}
    >
      <Card style={{ width: 440 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          台账 · 主题教育工作台账系统
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          title="演示账号"
          description={
            <div>
              {demoAccounts.map(([u, label]) => (
                <div key={u}>
                  <Typography.Text code>{u}</Typography.Text> {label}
                </div>
              ))}
              <div style={{ marginTop: 8 }}>
                演示模式下，密码由环境变量 TAIZHANG_DEMO_PASSWORD 设定；未设定时在服务启动日志中打印。
              </div>
            </div>
          }
        />
      </Card>
    </div>
  );
}
