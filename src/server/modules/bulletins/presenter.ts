import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { BULLETIN_KINDS, BULLETIN_STATUSES } from '../../../shared/check-enums.ts';
import { numberLabel } from './document.ts';
import { bulletinPolicy } from './policy.ts';
import type { BulletinRow } from './repository.ts';

/** A bulletin with its structured content, its download link and what the caller may do. */
export function presentBulletin(actor: Actor, b: BulletinRow) {
  return {
    id: b.id,
    campaignId: b.campaignId,
    orgId: b.orgId,
    kind: b.kind,
    kindLabel: BULLETIN_KINDS[b.kind as keyof typeof BULLETIN_KINDS] ?? b.kind,
    number: b.number,
    numberLabel: numberLabel(b.kind, b.number),
    title: b.title,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    status: b.status,
    statusLabel: BULLETIN_STATUSES[b.status as keyof typeof BULLETIN_STATUSES] ?? b.status,
    masthead: b.masthead,
    issuer: b.issuer,
    editorNote: b.editorNote,
    sections: JSON.parse(b.sections),
    figures: JSON.parse(b.figures),
    distribution: JSON.parse(b.distribution),
    reportOrgId: b.reportOrgId,
    issuedAt: b.issuedAt,
    docxUrl: `/api/v1/bulletins/${b.id}.docx`,
    version: b.version,
    abilities: abilitiesOf(bulletinPolicy, actor, b),
  };
}
