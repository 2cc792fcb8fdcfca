import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

export type LimitTimeEnv = { Variables: { expired: AbortSignal } };

/**
 * Answers 504 when a request runs longer than `ms`, and aborts `c.get('expired')` so the
 * work behind it (URL fetches, a write not yet begun) can stop. The request's own signal
 * is left for the routes that need it: reading it makes the Node adapter build a full
 * Request, which every cheap read would pay for.
 */
export function limitTime(ms: number): MiddlewareHandler<LimitTimeEnv> {
  return async (c, next) => {
    const controller = new AbortController();
    c.set('expired', controller.signal);
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
