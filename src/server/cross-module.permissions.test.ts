/**
 * Every cross-module read, role by role, on both databases: one record type's visibility is asked of its
 * own module wherever another module shows or counts it (evidence files, institutions' problems, 专项整治
 * counts, attendance, the dashboard's units), so what a caller opens agrees with what they were shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb, type Harness } from './testing/harness.ts';
import { fixtureCampaign } from './testing/fixture.ts';
import { EVERYONE, permissionMatrix } from './testing/permission-matrix.ts';
import { multipart, PDF_BYTES } from './testing/multipart.ts';
import { addDays, today } from './clock.ts';
import type { LightMyRequestResponse } from 'fastify';

async function upload(h: Harness, who: string): Promise<number> {
  const body = multipart({ name: '佐证.pdf', content: PDF_BYTES, type: 'application/pdf' });
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(who) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function ok(res: LightMyRequestResponse, status = 201) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describeEachDb('permission matrix: cross-module reads', (h) => {
  const ids = { campaign: 0, problem: 0, evidence: 0, loose: 0, special: 0, instB: 0, instC: 0, instDoc: 0 };
  beforeAll(async () => {
    const hh = h();
    const { fx, call } = hh;
    ids.campaign = await fixtureCampaign(hh.db, fx.units.root.id);
    ids.special = (
      await ok(
        await call('office', 'POST', '/api/v1/special-items', {
          campaignId: ids.campaign,
          name: '群众身边不正之风专项整治',
          leadOrgId: fx.units.root.id,
        }),
      )
    ).id;
    // A branchA problem whose measure is led (责任领导) by the leader, who otherwise cannot see branchA.
    const p = await ok(
      await call('officer', 'POST', '/api/v1/problems', {
        campaignId: ids.campaign,
        orgId: fx.units.branchA.id,
        title: '矩阵：跨模块问题',
        source: 'self_found',
        kind: 'immediate',
        specialItemId: ids.special,
        measures: [
          { content: '措施', ownerId: fx.people.memberA, leaderId: fx.people.leader, deadline: addDays(today(), 9) },
        ],
      }),
    );
    ids.problem = p.id;
    ids.evidence = await upload(hh, 'officer');
    await ok(
      await call('officer', 'POST', `/api/v1/problems/${p.id}/measures/${p.measures[0].id}/progress`, {
        date: today(),
        note: '已整改',
        attachmentIds: [ids.evidence],
      }),
    );
    ids.loose = await upload(hh, 'officer');
    // Institutions answering that problem: one at branchB (outside the supervisor's units), one at branchC.
    ids.instB = (
      await ok(
        await call('admin', 'POST', '/api/v1/institutions', {
          campaignId: ids.campaign,
          orgId: fx.units.branchB.id,
          title: '矩阵：市容制度',
          action: 'create',
          problemIds: [p.id],
        }),
      )
    ).id;
    ids.instDoc = await upload(hh, 'admin');
    ids.instC = (
      await ok(
        await call('admin', 'POST', '/api/v1/institutions', {
          campaignId: ids.campaign,
          orgId: fx.units.branchC.id,
          title: '矩阵：执法制度',
          action: 'create',
          attachmentId: ids.instDoc,
          problemIds: [p.id],
        }),
      )
    ).id;
    await ok(
      await call('officer', 'POST', '/api/v1/study/sessions', {
        campaignId: ids.campaign,
        orgId: fx.units.branchA.id,
        kind: 'members_meeting',
        mode: 'self',
        date: today(),
        hours: 2,
        topic: '矩阵：集中学习',
        attendance: [
          { personId: fx.people.officerA, status: 'present' },
          { personId: fx.people.memberA, status: 'present' },
          { personId: fx.people.memberA2, status: 'absent', reason: '病假' },
        ],
      }),
    );
  });

  permissionMatrix(h, [
    {
      label: "download a problem's evidence (the measure's 责任领导 and 责任人 included)",
      method: 'GET',
      url: () => `/api/v1/attachments/${ids.evidence}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, member: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: "read a problem's history (whoever may see the problem: the measure's 责任领导 and 责任人 too)",
      method: 'GET',
      url: () => `/api/v1/audit/entity/problem/${ids.problem}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, member: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'download an upload no record links (the uploader and scopes holding their unit)',
      method: 'GET',
      url: () => `/api/v1/attachments/${ids.loose}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: "download the document of a branchC institution (the supervisor's unit)",
      method: 'GET',
      url: () => `/api/v1/attachments/${ids.instDoc}`,
      // The leader and member see it through the branchA problem it answers.
      expect: {
        admin: 200,
        office: 200,
        secretary: 200,
        officer: 200,
        supervisor: 200,
        outsider: 200,
        leader: 200,
        member: 200,
      },
      otherwise: 404,
    },
    {
      label: "link another user's upload to a new branchC institution",
      method: 'POST',
      url: () => '/api/v1/institutions',
      // A fresh upload each time: once linked, a file is visible to whoever sees the institution.
      body: async (hh) => ({
        campaignId: ids.campaign,
        orgId: hh.fx.units.branchC.id,
        title: '矩阵：借用文件',
        action: 'create',
        attachmentId: await upload(hh, 'officer'),
      }),
      // Visible to admin, office and secretary through their scope; the outsider may write at branchC but
      // may not take a file they cannot open.
      expect: { admin: 201, office: 201, secretary: 201, outsider: 400 },
      otherwise: 403,
    },
    {
      label: 'read a branchB institution answering a branchA problem',
      method: 'GET',
      url: () => `/api/v1/institutions/${ids.instB}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200, officer: 200, member: 200 },
      otherwise: 404,
    },
    {
      label: 'dashboard of the caller’s first unit',
      method: 'GET',
      url: () => `/api/v1/dashboard?campaignId=${ids.campaign}`,
      // A member's scope is their own records: no unit to show.
      expect: { member: 404 },
      otherwise: 200,
    },
    {
      label: 'dashboard of the root unit',
      method: 'GET',
      url: (fx) => `/api/v1/dashboard?campaignId=${ids.campaign}&orgId=${fx.units.root.id}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'import a rectification ledger that is not a spreadsheet',
      method: 'POST',
      url: () => '/api/v1/imports/rectification',
      // Roles that may not import are refused first (403); for the others a JSON body on a multipart route
      // is refused before anything is parsed (400).
      expect: { member: 403, supervisor: 403 },
      otherwise: 400,
      body: () => ({ campaignId: ids.campaign }),
    },
  ]);

  describe('what one module shows agrees with what the owning module lets the caller open', () => {
    for (const who of EVERYONE.filter((w) => w !== null)) {
      it(`a 专项整治's problem count equals the list it opens: ${who}`, async () => {
        const { call } = h();
        const items = await ok(await call(who, 'GET', `/api/v1/special-items?campaignId=${ids.campaign}`), 200);
        const item = items.items.find((i: { id: number }) => i.id === ids.special);
        const list = await ok(
          await call(who, 'GET', `/api/v1/problems?campaignId=${ids.campaign}&specialItemId=${ids.special}`),
          200,
        );
        expect(item?.problemCount ?? 0).toBe(list.total);
      });
    }

    it('the leader opens the problem they lead a measure of, and its evidence listed there', async () => {
      const { call } = h();
      const p = await ok(await call('leader', 'GET', `/api/v1/problems/${ids.problem}`), 200);
      const listed = p.evidence.map((e: { attachmentId: number }) => e.attachmentId);
      expect(listed).toContain(ids.evidence);
      for (const id of listed) expect((await call('leader', 'GET', `/api/v1/attachments/${id}`)).statusCode).toBe(200);
    });

    it("a supervisor reading a branchC institution sees none of the out-of-scope problems' titles", async () => {
      const { call } = h();
      expect((await call('supervisor', 'GET', `/api/v1/problems/${ids.problem}`)).statusCode).toBe(404);
      const inst = await ok(await call('supervisor', 'GET', `/api/v1/institutions/${ids.instC}`), 200);
      expect(JSON.stringify(inst)).not.toContain('矩阵：跨模块问题');
      const admin = await ok(await call('admin', 'GET', `/api/v1/institutions/${ids.instC}`), 200);
      expect(JSON.stringify(admin)).toContain('矩阵：跨模块问题');
    });

    it("a member sees only their own attendance line; the unit's officer sees the roster", async () => {
      const { call, fx } = h();
      const mine = await ok(await call('member', 'GET', `/api/v1/study/sessions?campaignId=${ids.campaign}`), 200);
      const lines = mine.items.flatMap((s: { attendance: Array<{ personId: number }> }) => s.attendance);
      expect(lines.map((a: { personId: number }) => a.personId)).toEqual([fx.people.memberA]);
      const officer = await ok(await call('officer', 'GET', `/api/v1/study/sessions?campaignId=${ids.campaign}`), 200);
      expect(officer.items[0].attendance).toHaveLength(3);
    });

    it("a leader's dashboard names only the child units they see part of", async () => {
      const { call, fx } = h();
      const d = await ok(
        await call('leader', 'GET', `/api/v1/dashboard?campaignId=${ids.campaign}&orgId=${fx.units.root.id}`),
        200,
      );
      // The leader guides branchB (under 机关党委) and sits at the root; 执法支队 is none of theirs.
      expect(d.children.map((c: { orgId: number }) => c.orgId)).toEqual([fx.units.committee.id]);
      const admin = await ok(
        await call('admin', 'GET', `/api/v1/dashboard?campaignId=${ids.campaign}&orgId=${fx.units.root.id}`),
        200,
      );
      expect(admin.children.map((c: { orgId: number }) => c.orgId)).toEqual([
        fx.units.committee.id,
        fx.units.brigade.id,
      ]);
    });
  });
});
