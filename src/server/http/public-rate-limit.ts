import type { FastifyInstance } from 'fastify';

/**
 * Per-address limits for routes anyone may call (the public page, Open311). The allowance per minute is the
 * route's own, scaled by TAIZHANG_PUBLIC_RATE_SCALE (the benchmark raises it; 1 by default).
 */
export function publicRateLimit(_app: FastifyInstance, perMinute: number) {
  const scale = Number(process.env.TAIZHANG_PUBLIC_RATE_SCALE || 1);
  return {
    max: Math.max(1, Math.round(perMinute * (Number.isFinite(scale) && scale > 0 ? scale : 1))),
    timeWindow: 60_000,
  };
}
