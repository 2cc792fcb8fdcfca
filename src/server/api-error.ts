import type { ZodError, ZodIssue } from 'zod';

/** The one error body every route answers with. */
export interface ErrorBody {
  error: {
    /** Stable, machine-readable: `validation`, `not-found`, `unauthorized`, `payload-too-large`, … */
    code: string;
    /** What was wrong and, where possible, the fix. */
    message: string;
    /** The field at fault (`query.limit`, `body[2].text`, `params.id`), or null. */
    field: string | null;
  };
}

/** HTTP statuses the API answers errors with. */
export type ErrorStatus = 400 | 401 | 404 | 405 | 413 | 415 | 422 | 500 | 503 | 504;

/**
 * An answer the API gives instead of the route's result. Thrown inside handlers and
 * turned into the error body by the app's error handler, so every route shares one shape.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, field: this.field } };
  }
}

/** Joins a zod issue path under its part of the request: `query` + [limit] → `query.limit`; `body` + [2, 'text'] → `body[2].text`. */
export function fieldName(part: string, path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${key}`),
    part,
  );
}

/** The field an issue is about: an unknown key is named itself, not its parent object. */
const issueField = (part: string, issue: ZodIssue): string =>
  fieldName(part, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path);

/** A 400 naming the first issue's field; the message lists every issue so one round trip shows them all. */
export function validationError(part: string, error: ZodError): ApiError {
  const issues = error.issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? `${issueField(part, issue)}: not a known field (unknown: ${issue.keys.join(', ')})`
      : `${issueField(part, issue)}: ${issue.message}`,
  );
  const first = error.issues[0];
  return new ApiError(400, 'validation', issues.join('; '), first ? issueField(part, first) : part);
}
