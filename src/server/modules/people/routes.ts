import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { anyOrg } from '../orgs/public.ts';
import { CreatePersonBody, Person, PersonListQuery, TransferPersonBody, UpdatePersonBody, VersionBody } from './schemas.ts';
import { findPersonInScope, personColumns, personQuery } from './repository.ts';
import { presentPerson } from './presenter.ts';
import { createPerson } from './commands/create-person.ts';
import { updatePerson } from './commands/update-person.ts';
import { transferPerson } from './commands/transfer-person.ts';
import { setPersonActive } from './commands/set-person-active.ts';

const tags = ['人员'];

/** People: list and search, detail, create, edit, transfer, deactivate. */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/people', { schema: { tags, summary: '人员列表（支持姓名、拼音、首字母检索）', querystring: PersonListQuery, response: { 200: PageOf(Person), ...ErrorResponses } } }, async (req) => {
    const { page = 1, pageSize = 20, orgId, ...filter } = req.query;
    // The unit only supplies a path; the scope predicate still limits what comes back.
    const orgPath = orgId === undefined ? undefined : ((await anyOrg(app.db, orgId))?.path ?? '/none/');
    const result = await fetchPage(
      personQuery(app.db, req.actor.scope, { ...filter, orgPath }),
      (qb) => qb.select([...personColumns, 'users.id as userId']).orderBy('people.orgPath').orderBy('people.namePinyin').orderBy('people.id'),
      page,
      pageSize,
    );
    return { ...result, items: result.items.map((p) => presentPerson(req.actor, p)) };
  });

  app.get('/people/:id', { schema: { tags, summary: '人员详情', params: IdParams, response: { 200: Person, ...ErrorResponses } } }, async (req) => {
    const person = await findPersonInScope(app.db, req.actor.scope, req.params.id);
    if (!person) throw notFound('人员');
    return presentPerson(req.actor, person);
  });

  app.post('/people', { schema: { tags, summary: '新增人员', body: CreatePersonBody, response: { 201: Person, ...ErrorResponses } } }, async (req, reply) => {
    const person = await createPerson(ctxOf(req), req.body);
    return reply.status(201).send(presentPerson(req.actor, person));
  });

  app.patch('/people/:id', { schema: { tags, summary: '修改人员信息', params: IdParams, body: UpdatePersonBody, response: { 200: Person, ...ErrorResponses } } }, async (req) =>
    presentPerson(req.actor, await updatePerson(ctxOf(req), req.params.id, req.body)),
  );

  app.post('/people/:id/transfer', { schema: { tags, summary: '调动人员到其他单位', params: IdParams, body: TransferPersonBody, response: { 200: Person, ...ErrorResponses } } }, async (req) =>
    presentPerson(req.actor, await transferPerson(ctxOf(req), req.params.id, req.body)),
  );

  app.post('/people/:id/deactivate', { schema: { tags, summary: '停用人员', params: IdParams, body: VersionBody, response: { 200: Person, ...ErrorResponses } } }, async (req) =>
    presentPerson(req.actor, await setPersonActive(ctxOf(req), req.params.id, false, req.body.version)),
  );

  app.post('/people/:id/activate', { schema: { tags, summary: '启用人员', params: IdParams, body: VersionBody, response: { 200: Person, ...ErrorResponses } } }, async (req) =>
    presentPerson(req.actor, await setPersonActive(ctxOf(req), req.params.id, true, req.body.version)),
  );
};
