// The errors of the domain: what a query or a rule can say is wrong with what was asked. They know nothing of HTTP;
// http/problem.ts maps each to its problem type and status (400 invalid-parameter, 404 not-found, 503
// service-unavailable).

/** One parameter at fault, as the problem's `errors` lists it. */
export interface ParameterError {
  /** Where the parameter is: path, query or header. */
  in: 'path' | 'query' | 'header' | 'body';
  /** The parameter's name (for a nested value, its dotted path). */
  name: string;
  detail: string;
  /** For an unknown value: the nearest valid values. */
  suggestions?: string[];
}

/** A parameter whose value the dataset cannot answer (an unknown filter value, a malformed cursor, a bad citation),
 * with the nearest valid values when there are some. */
export class InvalidParameter extends Error {
  readonly code = 'invalid-parameter';
  readonly error: ParameterError;
  constructor(where: ParameterError['in'], name: string, detail: string, suggestions?: string[]) {
    super(`${where} parameter ${name}: ${detail}`);
    this.name = 'InvalidParameter';
    this.error = { in: where, name, detail };
    if (suggestions?.length) this.error.suggestions = suggestions;
  }
}

/** A record that does not exist. */
export class NotFound extends Error {
  readonly code = 'not-found';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`no ${what} has the id ${id}`);
    this.name = 'NotFound';
  }
}

/** An answer the database cannot give as it stands (what the import derives is missing for some records): the
 * service, not the request, is at fault, and the answer is refused rather than given incomplete. */
export class Unavailable extends Error {
  readonly code = 'unavailable';
  constructor(detail: string) {
    super(detail);
    this.name = 'Unavailable';
  }
}

export type DomainError = InvalidParameter | NotFound | Unavailable;

export const invalidParameter = (where: ParameterError['in'], name: string, detail: string, suggestions?: string[]) =>
  new InvalidParameter(where, name, detail, suggestions);

export const notFound = (what: string, id: string) => new NotFound(what, id);
