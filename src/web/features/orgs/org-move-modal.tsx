import { useState } from 'react';
import { Modal, Typography } from 'antd';
import { useMoveOrg } from './api/orgs.ts';
import type { Org } from '../../lib/org-types.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';

/** Move a unit (with its subtree) under a new parent picked from the tree. */
export function OrgMoveModal(props: { org: Org; open: boolean; onClose: () => void; onMoved: () => void }) {
  const [parentId, setParentId] = useState<number | null>(null);
  const move = useMoveOrg();
  const submit = async () => {
    if (!parentId) return;
    if ((await move.run({ org: props.org, parentId })).ok) props.onMoved();
  };
  return (
    <Modal
      open={props.open}
      title={`移动“${props.org.name}”`}
      onOk={submit}
      okButtonProps={{ disabled: !parentId }}
      onCancel={props.onClose}
      okText="移动"
      cancelText="取消"
    >
      <Typography.Paragraph type="secondary">下级单位和人员随之移动。</Typography.Paragraph>
      <OrgTreeSelect value={parentId} onChange={setParentId} placeholder="选择新的上级单位" />
    </Modal>
  );
}
