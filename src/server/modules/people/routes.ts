import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, VersionBody } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { peopleFilterOf } from './ledger.ts';
import { CreatePersonBody, PeopleListQuery, Person, TransferBody, UpdatePersonBody } from './schemas.ts';
import { findPersonInScope, peoplePage, peopleQuery } from './repository.ts';
import { presentPerson } from './presenter.ts';
import { createPerson } from './commands/create-person.ts';
import { updatePerson } from './commands/update-person.ts';
import { transferPerson } from './commands/transfer-person.ts';
import { setPersonActive } from './commands/set-person-active.ts';

const tags = ['人员'];

/** People: roster lists and search, add, edit, transfer, deactivate. */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: '人员列表与查询（姓名、全拼或首字母）',
        querystring: PeopleListQuery,
        response: { 200: PageOf(Person), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...rest } = req.query;
      const { filter } = await peopleFilterOf(app.db, req.actor, rest);
      const result = await peoplePage(peopleQuery(app.db, req.actor.scope, filter), page, pageSize);
      return { ...result, items: result.items.map((p) => presentPerson(req.actor, p)) };
    },
  );

  app.get(
    '/people/:id',
    { schema: { tags, summary: '人员详情', params: IdParams, response: { 200: Person, ...ErrorResponses } } },
    async (req) => {
      const person = await findPersonInScope(app.db, req.actor.scope, req.params.id);
      if (!person) throw notFound('人员');
      return presentPerson(req.actor, person);
    },
  );

  app.post(
    '/people',
    { schema: { tags, summary: '新增人员', body: CreatePersonBody, response: { 201: Person, ...ErrorResponses } } },
    async (req, reply) => reply.status(201).send(presentPerson(req.actor, await createPerson(ctxOf(req), req.body))),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: '修改人员信息',
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: Person, ...ErrorResponses },
      },
    },
    async (req) => presentPerson(req.actor, await updatePerson(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    '/people/:id/transfer',
    {
      schema: {
        tags,
        summary: '调动到其他单位',
        params: IdParams,
        body: TransferBody,
        response: { 200: Person, ...ErrorResponses },
      },
    },
    async (req) =>
      presentPerson(req.actor, await transferPerson(ctxOf(req), req.params.id, req.body.orgId, req.body.version)),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/people/:id/${action}`,
      {
        schema: {
          tags,
          summary: active ? '启用人员' : '停用人员',
          params: IdParams,
          body: VersionBody,
          response: { 200: Person, ...ErrorResponses },
        },
      },
      async (req) =>
        presentPerson(req.actor, await setPersonActive(ctxOf(req), req.params.id, active, req.body.version)),
    );
  }
};
