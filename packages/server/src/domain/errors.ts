import { errorStatus } from '@tessera/schema';

/**
 * Errors are values with a status. Domain code throws these; one HTTP error handler turns
 * them into Scale's `{"status_code", "error"}` body.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidRequest extends ApiError {
  constructor(message: string) {
    super(errorStatus.invalid, message);
  }
}

/** A 400 that names the offending field, in Scale's words. */
export function invalidField(field: string, reason: string): InvalidRequest {
  return new InvalidRequest(`Parameter is invalid, reason: "${field}" ${reason}`);
}

export class Unauthorized extends ApiError {
  constructor(message = 'Please provide a valid API key (HTTP Basic auth: the key as username, an empty password).') {
    super(errorStatus.unauthorized, message);
  }
}

export class Forbidden extends ApiError {
  constructor(message: string) {
    super(errorStatus.forbidden, message);
  }
}

export class NotFound extends ApiError {
  constructor(message: string) {
    super(errorStatus.notFound, message);
  }
}

export class Conflict extends ApiError {
  constructor(message: string) {
    super(errorStatus.conflict, message);
  }
}

export class PayloadTooLarge extends ApiError {
  constructor(message: string) {
    super(errorStatus.tooLarge, message);
  }
}
