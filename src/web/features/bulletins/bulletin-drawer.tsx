import { useEffect } from 'react';
import { Button, Card, Drawer, Form, Input, InputNumber, Popconfirm, Space, Tag, Typography, message } from 'antd';
import { showError } from '../../lib/form-errors.ts';
import { useBulletin, useEditBulletin, useIssueBulletin } from './api/bulletins.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A bulletin: a draft edited in structured sections (编者按, items under 小标题) and 签发; an issued one read-only. */
export function BulletinDrawer(props: { id: number | null; onClose: () => void }) {
  const bulletin = useBulletin(props.id);
  const edit = useEditBulletin();
  const issue = useIssueBulletin();
  const [form] = Form.useForm();
  const b = bulletin.data;
  useEffect(() => {
    if (b) form.setFieldsValue({ ...b, distribution: b.distribution });
  }, [b, form]);
  const save = async () => {
    if (!b) return undefined;
    const v = await form.validateFields();
    try {
      const saved = await edit.mutateAsync({
        id: b.id,
        version: b.version,
        title: v.title,
        issuer: v.issuer,
        editorNote: v.editorNote ?? '',
        sections: v.sections,
        distribution: v.distribution,
      });
      void message.success('已保存');
      return saved;
    } catch (e) {
      showError(e, form);
      return undefined;
    }
  };
  const sign = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      const issued = await issue.mutateAsync({ id: saved.id, version: saved.version });
      void message.success(`已签发${issued.numberLabel}，并发布到各单位`);
    } catch (e) {
      showError(e);
    }
  };
  const editable = !!b?.abilities.update;
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      width={820}
      destroyOnHidden
      title={
        b && (
          <Space>
            {b.masthead} {b.numberLabel}
            <Tag color={b.status === 'issued' ? 'green' : 'orange'}>{b.statusLabel}</Tag>
          </Space>
        )
      }
      extra={
        b && (
          <Space>
            <Button href={b.docxUrl} download>
              下载 Word
            </Button>
            {editable && (
              <Button onClick={save} loading={edit.isPending}>
                保存
              </Button>
            )}
            {b.abilities.issue && (
              <Popconfirm
                title="签发后将编号、定稿并发布到各单位，不能再修改。确定签发？"
                onConfirm={sign}
                okText="签发"
                cancelText="取消"
              >
                <Button type="primary">签发</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {b && (
        <Form form={form} layout="vertical" disabled={!editable}>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="issuer"
            label="编发单位"
            rules={[{ required: true, message: '请填写编发单位' }, { max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="editorNote" label="编者按" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.List name="sections">
            {(sections, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {sections.map((s, i) => (
                  <Card
                    key={s.key}
                    size="small"
                    title={
                      <Space>
                        <Typography.Text>{NUMERALS[i] ?? i + 1}、</Typography.Text>
                        <Form.Item
                          name={[s.name, 'heading']}
                          noStyle
                          rules={[{ required: true, message: '请填写小标题' }]}
                        >
                          <Input style={{ width: 300 }} />
                        </Form.Item>
                      </Space>
                    }
                    extra={
                      editable && (
                        <Button type="link" onClick={() => remove(s.name)}>
                          删除栏目
                        </Button>
                      )
                    }
                  >
                    <Form.List name={[s.name, 'items']}>
                      {(items, ops) => (
                        <>
                          {items.map((it) => (
                            <div key={it.key} style={{ marginBottom: 12 }}>
                              <Form.Item name={[it.name, 'subtitle']} noStyle>
                                <Input placeholder="条目标题（可空）" style={{ marginBottom: 4 }} />
                              </Form.Item>
                              <Form.Item name={[it.name, 'text']} noStyle>
                                <Input.TextArea rows={3} />
                              </Form.Item>
                              {editable && (
                                <Button type="link" size="small" onClick={() => ops.remove(it.name)}>
                                  删除条目
                                </Button>
                              )}
                            </div>
                          ))}
                          {editable && (
                            <Button size="small" onClick={() => ops.add({ subtitle: '', text: '' })}>
                              增加条目
                            </Button>
                          )}
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                {editable && (
                  <Button onClick={() => add({ heading: '', items: [{ subtitle: '', text: '' }] })}>增加栏目</Button>
                )}
              </Space>
            )}
          </Form.List>
          <Card size="small" title="报尾" style={{ marginTop: 16 }}>
            <Form.Item name={['distribution', 'report']} label="报">
              <Input />
            </Form.Item>
            <Form.Item name={['distribution', 'send']} label="送">
              <Input />
            </Form.Item>
            <Form.Item name={['distribution', 'distribute']} label="发">
              <Input />
            </Form.Item>
            <Form.Item name={['distribution', 'copies']} label="印数（份）">
              <InputNumber min={1} max={100000} />
            </Form.Item>
          </Card>
        </Form>
      )}
    </Drawer>
  );
}
