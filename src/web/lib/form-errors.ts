import type { FormInstance } from 'antd';
import { message } from 'antd';
import { ApiError } from './api.ts';

/** Puts server field errors next to the matching form fields; anything else becomes a toast. */
export function showError(error: unknown, form?: FormInstance): void {
  if (error instanceof ApiError) {
    if (form && error.errors.length) {
      const known = new Set(Object.keys(form.getFieldsValue(true)));
      const fields = error.errors.filter((e) => e.path && known.has(e.path.split('.')[0]));
      if (fields.length) form.setFields(fields.map((e) => ({ name: e.path.split('.')[0], errors: [e.message] })));
      if (fields.length === error.errors.length) return;
    }
    void message.error(error.message);
    return;
  }
  void message.error('操作失败，请稍后重试');
}
