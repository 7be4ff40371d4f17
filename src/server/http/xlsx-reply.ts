import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { today } from '../clock.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named "<name>-<today>.xlsx" (UTF-8 file name). */
export function sendXlsx(reply: FastifyReply, name: string, body: Buffer | Readable) {
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}-${today()}.xlsx`)}`)
    .send(body);
}
