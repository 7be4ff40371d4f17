/**
 * Messages for other modules' events, heard through the hooks they export (each runs inside the writer's
 * transaction): a spot check's findings reach the checked unit, an issued bulletin the units it goes to.
 * A module with a new event exports an `onX(listener)` from its public.ts and gets one block here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { onFindingsRecorded } from '../checks/public.ts';
import { onBulletinPublished } from '../bulletins/public.ts';
import { notify } from './send.ts';

/** A unit's 第一责任人 and the accounts granted a role on exactly that unit (its officers). */
async function peopleOfUnits(db: Kysely<Database>, orgIds: number[]) {
  if (!orgIds.length) return { personIds: [], userIds: [] };
  const [secretaries, grants] = await Promise.all([
    db.selectFrom('orgUnits').select('secretaryId').where('id', 'in', orgIds).execute(),
    db.selectFrom('roleGrants').select('userId').where('orgId', 'in', orgIds).execute(),
  ]);
  return { personIds: secretaries.map((s) => s.secretaryId), userIds: grants.map((g) => g.userId) };
}

let wired = false;

/** Registers the listeners once per process. */
export function listenForRecordEvents(): void {
  if (wired) return;
  wired = true;
  onFindingsRecorded(async (trx, e) => {
    await notify(
      trx,
      {
        event: 'check_findings',
        title: `督导检查发现 ${e.findings.length} 个问题（${e.date}）`,
        body: e.findings.map((f) => `- ${f.text}`).join('\n'),
        link: e.link,
        orgPath: e.orgPath,
      },
      await peopleOfUnits(trx, [e.orgId]),
    );
  });
  onBulletinPublished(async (trx, e) => {
    // Published to the issuing unit and every unit below it: their 第一责任人 hear of it.
    const units = await trx
      .selectFrom('orgUnits')
      .select('id')
      .where((eb) => pathInSubtree(eb, 'orgUnits.path', e.orgPath))
      .where('active', '=', 1)
      .execute();
    const ids = [...units.map((u) => u.id), ...(e.reportOrgId ? [e.reportOrgId] : [])];
    const secretaries = await trx.selectFrom('orgUnits').select('secretaryId').where('id', 'in', ids).execute();
    await notify(
      trx,
      { event: 'bulletin_published', title: `简报${e.numberLabel}：${e.title}`, link: e.link, orgPath: e.orgPath },
      { personIds: secretaries.map((s) => s.secretaryId) },
    );
  });
}
