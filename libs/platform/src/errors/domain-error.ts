/** An error the API explains to its caller: a stable code, an HTTP status and optional details. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
  readonly suggestions?: readonly { id: string; label: string }[];
}

export class InvalidFieldsError extends DomainError {
  constructor(
    message: string,
    readonly errors: readonly FieldProblem[],
  ) {
    super('VALIDATION.FAILED', message, 400, { errors });
  }
}
