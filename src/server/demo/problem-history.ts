/**
 * The demo problems' past: who recorded, confirmed, submitted and closed each one (through the audit module's
 * recordAudits, as the commands record it), and an evidence file behind every item that asked for 销号 — so the
 * 变更记录 tab, the 审计日志 page and the evidence list show what the product does from the first visit.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/schema.ts';
import { FULL_SCOPE } from '../db/scope.ts';
import { nowIso } from '../clock.ts';
import { recordAudits, type AuditEntry } from '../modules/audit/record-audit.ts';
import { blobPath } from '../modules/attachments/storage.ts';

export interface SeededProblem {
  id: number;
  title: string;
  orgId: number;
  orgPath: string;
  status: 'draft' | 'in_progress' | 'submitted' | 'closed';
  effect: string;
  measure: string;
}

/** A one-page PDF naming the problem, as a branch would scan its 整改佐证. */
function evidencePdf(title: string): Buffer {
  const text = `Taizhang demo evidence #${crypto.createHash('sha1').update(title).digest('hex').slice(0, 8)}`;
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n` +
      `4 0 obj<</Length ${text.length + 30}>>stream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream endobj\n` +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

async function actorOf(db: Kysely<Database>, username: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) return null;
  return {
    userId: user.id,
    username,
    displayName: user.displayName,
    personId: null,
    orgId: null,
    orgPath: null,
    roles: [],
    grants: [],
    scope: FULL_SCOPE,
  };
}

/** Writes the history of the seeded problems and, when a data directory is given, their evidence files. */
export async function seedProblemHistory(
  db: Kysely<Database>,
  problems: SeededProblem[],
  dataDir: string | undefined,
): Promise<void> {
  const [officer, secretary] = [await actorOf(db, 'officer'), await actorOf(db, 'secretary')];
  const entry = (p: SeededProblem, action: string, after: Record<string, unknown>): AuditEntry => ({
    action,
    entityType: 'problem',
    entityId: p.id,
    entityLabel: p.title,
    orgPath: p.orgPath,
    after,
  });
  const reached = (p: SeededProblem, ...statuses: SeededProblem['status'][]) => statuses.includes(p.status);
  // One step after the other, as things happened, so each newest-first timeline reads back to front.
  const steps: Array<[Actor | null, AuditEntry[]]> = [
    [officer, problems.map((p) => entry(p, 'create', { title: p.title, orgId: p.orgId, status: 'draft' }))],
    [
      secretary,
      problems
        .filter((p) => reached(p, 'in_progress', 'submitted', 'closed'))
        .map((p) => entry(p, 'confirm', { status: 'in_progress' })),
    ],
    [
      officer,
      problems
        .filter((p) => reached(p, 'submitted', 'closed'))
        .map((p) => entry(p, 'submit', { status: 'submitted', effect: p.effect })),
    ],
    [secretary, problems.filter((p) => reached(p, 'closed')).map((p) => entry(p, 'approve', { status: 'closed' }))],
  ];
  for (const [actor, entries] of steps) if (entries.length) await recordAudits(db, actor, entries);

  if (!dataDir || !officer) return;
  for (const p of problems) {
    if (p.status !== 'submitted' && p.status !== 'closed') continue;
    const content = evidencePdf(p.title);
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    const file = blobPath(dataDir, sha256);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    const attachment = await db
      .insertInto('attachments')
      .values({
        sha256,
        name: `${p.title.slice(0, 20)}整改佐证.pdf`,
        size: content.length,
        mime: 'application/pdf',
        uploadedBy: officer.userId,
        orgPath: p.orgPath,
        createdAt: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('problemEvidence')
      .values({ problemId: p.id, measureId: null, attachmentId: attachment.id, createdAt: nowIso() })
      .execute();
  }
}
