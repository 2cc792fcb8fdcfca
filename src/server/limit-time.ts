import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

export type LimitTimeEnv = { Variables: { signal: AbortSignal } };

/**
 * Answers 504 when a request runs longer than `ms`, and aborts the request's signal
 * (`c.get('signal')`) so the work behind it (URL fetches, a write not yet begun) stops.
 * The signal also aborts when the client goes away.
 */
export function limitTime(ms: number): MiddlewareHandler<LimitTimeEnv> {
  return async (c, next) => {
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, c.req.raw.signal]);
    c.set('signal', signal);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new ApiError(
            504,
            'timeout',
            `the request took longer than ${Math.round(ms / 100) / 10} s and was stopped; send fewer articles or URLs at once`,
          ),
        );
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
