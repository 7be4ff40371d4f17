import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/connection.ts';

/** What a command needs: the database and the caller. */
export interface Ctx {
  db: Db;
  actor: Actor;
}

export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.server.db, actor: request.actor };
}
