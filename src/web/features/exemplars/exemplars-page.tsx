import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Form, Input, List, Modal, Radio, Space, Table, Tag } from 'antd';
import { showError } from '../../lib/form-errors.ts';
import { CampaignSelect, usePickedCampaign } from '../../components/campaign-select.tsx';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';
import { PersonSelect } from '../../components/person-select.tsx';
import { useExemplarWrite, useExemplars, type ExemplarView } from './api/exemplars.ts';

const COLORS: Record<string, string> = {
  nominated: 'blue',
  recommended: 'cyan',
  notice: 'orange',
  selected: 'red',
  rejected: 'default',
};

/** 先进典型: 层层推荐 → 公示 (objections handled one by one) → 评选, one table with the actions each row allows. */
export function ExemplarsPage() {
  const [campaignId, setPicked] = usePickedCampaign();
  const list = useExemplars(campaignId);
  const write = useExemplarWrite();
  const [nominating, setNominating] = useState(false);
  // ?open=ID (from 我的待办): that nomination's row is marked, its actions at hand.
  const [params] = useSearchParams();
  const openId = Number(params.get('open')) || null;
  const [form] = Form.useForm();
  const act = (e: ExemplarView, action: string, extra: Record<string, unknown> = {}) =>
    write
      .mutateAsync({ path: `/exemplars/${e.id}/transitions`, body: { action, version: e.version, ...extra } })
      .catch((err) => showError(err));
  const ask = (title: string, label: string, run: (text: string) => unknown) => {
    let text = '';
    Modal.confirm({
      title,
      content: <Input.TextArea rows={3} placeholder={label} onChange={(ev) => (text = ev.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: () => run(text),
    });
  };
  const nominate = async () => {
    const v = await form.validateFields();
    try {
      await write.mutateAsync({
        path: '/exemplars',
        body: {
          campaignId,
          orgId: v.orgId,
          deeds: v.deeds,
          ...(v.kind === 'person' ? { personId: v.personId } : { nomineeOrgId: v.nomineeOrgId ?? v.orgId }),
        },
      });
      setNominating(false);
      form.resetFields();
    } catch (e) {
      showError(e, form);
    }
  };
  return (
    <Card
      title="先进典型"
      extra={
        <Space>
          <CampaignSelect value={campaignId} onChange={setPicked} />
          <Button type="primary" onClick={() => setNominating(true)} disabled={!campaignId}>
            推荐典型
          </Button>
        </Space>
      }
    >
      <Table<ExemplarView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '暂无推荐' }}
        onRow={(e) => (e.id === openId ? { style: { background: '#fff1f0' }, 'data-open': 'true' } : {})}
        expandable={{
          rowExpandable: (e) => e.objections.length > 0,
          expandedRowRender: (e) => (
            <List
              size="small"
              header="公示异议"
              dataSource={e.objections}
              renderItem={(o) => (
                <List.Item
                  extra={
                    o.handledAt ? (
                      <Tag color={o.upheld ? 'red' : 'green'}>
                        {o.upheld ? '属实' : '不属实'}：{o.result}
                      </Tag>
                    ) : (
                      e.abilities.handleObjection && (
                        <Space>
                          {[false, true].map((upheld) => (
                            <Button
                              key={String(upheld)}
                              size="small"
                              onClick={() =>
                                ask('处理异议', '核查结果', (result) =>
                                  write
                                    .mutateAsync({
                                      path: `/exemplars/${e.id}/objections/${o.id}/handle`,
                                      body: { result, upheld },
                                    })
                                    .catch((err) => showError(err)),
                                )
                              }
                            >
                              {upheld ? '异议属实' : '异议不属实'}
                            </Button>
                          ))}
                        </Space>
                      )
                    )
                  }
                >
                  {o.text}
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { title: '典型', dataIndex: 'title', width: 160 },
          { title: '主要事迹', dataIndex: 'deeds', ellipsis: true },
          {
            title: '状态',
            width: 200,
            render: (_, e) => (
              <Space>
                <Tag color={COLORS[e.status]}>{e.statusLabel}</Tag>
                {e.status === 'notice' && `${e.noticeFrom} 至 ${e.noticeTo}`}
                {e.honour && <Tag color="red">{e.honour}</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 260,
            render: (_, e) => (
              <Space wrap>
                {e.abilities.approve && (
                  <Button size="small" onClick={() => act(e, 'approve')}>
                    审核通过
                  </Button>
                )}
                {e.abilities.startNotice && (
                  <Button size="small" onClick={() => act(e, 'startNotice', { days: 5 })}>
                    公示5天
                  </Button>
                )}
                {e.abilities.select && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => ask('评选', '授予荣誉称号，如：红船先锋', (honour) => act(e, 'select', { honour }))}
                  >
                    评选
                  </Button>
                )}
                {e.abilities.object && (
                  <Button
                    size="small"
                    onClick={() =>
                      ask('提出异议', '异议内容', (text) =>
                        write
                          .mutateAsync({ path: `/exemplars/${e.id}/objections`, body: { text } })
                          .catch((err) => showError(err)),
                      )
                    }
                  >
                    提出异议
                  </Button>
                )}
                {e.abilities.reject && (
                  <Button size="small" danger onClick={() => act(e, 'reject')}>
                    不予通过
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={nominating}
        title="推荐先进典型"
        okText="推荐"
        cancelText="取消"
        onOk={nominate}
        onCancel={() => setNominating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'person' }}>
          <Form.Item name="orgId" label="推荐单位" rules={[{ required: true, message: '请选择推荐单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="kind" label="推荐对象">
            <Radio.Group
              options={[
                { value: 'person', label: '个人' },
                { value: 'org', label: '集体' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) =>
              getFieldValue('kind') === 'person' ? (
                <Form.Item name="personId" label="被推荐人" rules={[{ required: true, message: '请选择被推荐人' }]}>
                  <PersonSelect />
                </Form.Item>
              ) : (
                <Form.Item name="nomineeOrgId" label="被推荐集体（不选为推荐单位本身）">
                  <OrgTreeSelect />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item
            name="deeds"
            label="主要事迹"
            rules={[{ required: true, message: '请填写主要事迹' }, { max: 4000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
