import { useState } from 'react';
import { Modal, Typography } from 'antd';
import { api } from '../../lib/api.ts';
import { showError } from '../../lib/form-errors.ts';
import type { Org } from '../../lib/org-types.ts';
import { OrgTreeSelect } from '../../components/org-tree-select.tsx';

/** Move a unit (with its subtree) under a new parent picked from the tree. */
export function OrgMoveModal(props: { org: Org; open: boolean; onClose: () => void; onMoved: () => void }) {
  const [parentId, setParentId] = useState<number | null>(null);
  const submit = async () => {
    if (!parentId) return;
    try {
      await api(`/orgs/${props.org.id}/move`, { method: 'POST', body: { parentId, version: props.org.version } });
      props.onMoved();
    } catch (e) {
      showError(e);
    }
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
