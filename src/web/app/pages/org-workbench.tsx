import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { OrgTree } from '../../features/orgs/org-tree.tsx';
import { OrgDetail } from '../../features/orgs/org-detail.tsx';
import { useScopeTree } from '../../components/org-tree-select.tsx';
import { PeopleTable } from '../../features/people/people-table.tsx';

/** 组织机构: the tree on the left; the unit's details and its people on the right. */
export function OrgWorkbench() {
  const tree = useScopeTree();
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => {
    if (selected === null && tree.data?.length) setSelected(tree.data[0].id);
  }, [tree.data, selected]);
  return (
    <Row gutter={16}>
      <Col span={7}>
        <Card title="组织机构" size="small" styles={{ body: { maxHeight: 'calc(100vh - 170px)', overflow: 'auto' } }}>
          <OrgTree selectedId={selected} onSelect={setSelected} />
        </Card>
      </Col>
      <Col span={17}>
        {selected ? (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <OrgDetail orgId={selected} onSelect={setSelected} />
            <PeopleTable orgId={selected} />
          </div>
        ) : (
          <Card>
            <Empty description="请在左侧选择单位" />
          </Card>
        )}
      </Col>
    </Row>
  );
}
