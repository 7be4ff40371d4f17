import type { Ctx } from '../../../http/context.ts';
import { invalidField } from '../../../errors.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import type { Section } from '../compile.ts';
import type { Distribution } from '../document.ts';
import { loadDraft } from '../load-draft.ts';
import { compileContent } from '../compile-content.ts';

export interface EditInput {
  version: number;
  title?: string;
  masthead?: string;
  issuer?: string;
  editorNote?: string;
  sections?: Section[];
  distribution?: Distribution;
  reportOrgId?: number | null;
  /** Fill the figures and sections again from the records as they are now. */
  recompile?: boolean;
}

/** Edits a draft's text in its structured sections (编者按, items under 小标题) and its 报尾. */
export async function editBulletin(ctx: Ctx, id: number, input: EditInput): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const b = await loadDraft(ctx, trx, id, 'update', input.version);
    const { version, sections, distribution, reportOrgId, recompile, ...text } = input;
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(text)) if (v !== undefined) values[k] = v.trim();
    if (sections) values.sections = JSON.stringify(sections);
    if (distribution) values.distribution = JSON.stringify(distribution);
    if (reportOrgId !== undefined) {
      if (reportOrgId === null) Object.assign(values, { reportOrgId: null, reportOrgPath: null });
      else {
        const up = await anyOrg(trx, reportOrgId);
        if (!up || !b.orgPath.startsWith(up.path) || up.path === b.orgPath)
          throw invalidField('reportOrgId', '“上报单位”须是编发单位的上级单位');
        Object.assign(values, { reportOrgId, reportOrgPath: up.path });
      }
    }
    if (recompile) {
      const unit = (await visibleOrg(trx, ctx.actor.scope, b.orgId))!;
      const fresh = await compileContent(trx, ctx.actor, unit, b);
      Object.assign(values, { figures: JSON.stringify(fresh.figures), sections: JSON.stringify(fresh.sections) });
    }
    await updateVersioned(trx, 'bulletins', id, version, values);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'bulletin',
      entityId: id,
      entityLabel: b.title,
      orgPath: b.orgPath,
      after: { ...text, sections: sections?.length, recompile },
    });
  });
}
