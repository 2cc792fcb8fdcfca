import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Lets a request through when it carries `Authorization: Bearer <token>`; with no token
 * configured every request passes (the CLI allows that on loopback only). Digests are
 * compared in constant time so the answer's timing says nothing about the token.
 */
export function requireToken(token: string | null): MiddlewareHandler {
  const expected = token === null ? null : digest(token);
  return async (c, next) => {
    if (expected === null) return next();
    const header = c.req.header('authorization');
    const match = header ? /^Bearer[ \t]+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(
        401,
        'unauthorized',
        header
          ? 'the Authorization header is not "Bearer <token>"'
          : 'this route writes or computes; send "Authorization: Bearer <token>" with the server\'s token',
        'headers.authorization',
      );
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ApiError(
        401,
        'unauthorized',
        "the bearer token is not the server's token",
        'headers.authorization',
      );
    }
    return next();
  };
}
