// RFC 9457 problem details: the one error format of the API, and the error handlers that produce it.
import { InvalidParameter, NotFound, Unavailable, type ParameterError } from '../domain/errors.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export const PROBLEM_TYPE = 'application/problem+json';

/** The problem types this API returns; `type` is `/problems/<slug>`, served by GET /problems/{slug}. */
export const PROBLEM_TYPES = {
  'invalid-parameter': {
    status: 400,
    title: 'Invalid parameter',
    description:
      'A path, query or header parameter is malformed, out of range, unknown, or names a value that does not exist. `errors` names each parameter at fault.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    description: 'No resource has this identifier, or no route has this path.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    description: 'The path exists but not for this HTTP method; the Allow header lists the methods it takes.',
  },
  'not-acceptable': {
    status: 406,
    title: 'Not acceptable',
    description: 'None of the media types in the Accept header can be produced for this resource.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    description: 'The request body is larger than the server accepts.',
  },
  'bad-request': {
    status: 400,
    title: 'Bad request',
    description: 'The request could not be read as HTTP (malformed request line or headers); the connection is closed.',
  },
  'request-timeout': {
    status: 408,
    title: 'Request timeout',
    description: 'The request did not arrive in full in time; the connection is closed.',
  },
  'expectation-failed': {
    status: 417,
    title: 'Expectation failed',
    description: 'The Expect header asks for something this server does not do; the connection is closed.',
  },
  'header-fields-too-large': {
    status: 431,
    title: 'Request header fields too large',
    description: 'The request headers are larger than the server accepts (16 KB); the connection is closed.',
  },
  'uri-too-long': {
    status: 414,
    title: 'URI too long',
    description: 'The request target (path and query string) is longer than the server accepts (4096 characters).',
  },
  'too-many-requests': {
    status: 429,
    title: 'Too many requests',
    description:
      'This client sent more requests than the rate limit allows in the current window; try again after the Retry-After delay. Bulk users should prefer /v1/export.',
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    description: 'The request carries a body of a type this endpoint does not take.',
  },
  'service-unavailable': {
    status: 503,
    title: 'Service unavailable',
    description:
      'The service cannot answer now: the database is unreachable or too slow, or the server is overloaded. Nothing was changed; try again after the Retry-After delay.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal error',
    description: 'An unexpected error. It is logged with the request id; no detail is exposed.',
  },
} as const;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export type { ParameterError };

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: ParameterError[];
}

/** Thrown by handlers and queries; the error handler turns it into a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly errors?: ParameterError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

/** The problem an error stands for: an HttpProblem as it is, a domain error mapped to its problem type; undefined
 * for anything else (an internal error). The API's and the pages' error handlers both map through here. */
export function problemOf(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  if (err instanceof InvalidParameter) return new HttpProblem('invalid-parameter', err.message, [err.error]);
  if (err instanceof NotFound) return new HttpProblem('not-found', err.message);
  if (err instanceof Unavailable) return new HttpProblem('service-unavailable', err.message);
  return undefined;
}

export function problemBody(
  req: FastifyRequest,
  slug: ProblemSlug,
  detail: string,
  errors?: ParameterError[],
): Problem {
  const t = PROBLEM_TYPES[slug];
  const body: Problem = { type: `/problems/${slug}`, title: t.title, status: t.status, detail, instance: req.url };
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  slug: ProblemSlug,
  detail: string,
  errors?: ParameterError[],
  headers?: Record<string, string>,
): FastifyReply {
  const body = problemBody(req, slug, detail, errors);
  if (headers) reply.headers(headers);
  // The body is serialised here so that no route's response schema applies to it.
  return reply.code(body.status).type(PROBLEM_TYPE).serializer(JSON.stringify).send(body);
}

const CONTEXT: Record<string, ParameterError['in']> = {
  querystring: 'query',
  params: 'path',
  headers: 'header',
  body: 'body',
};

/** Names each failing parameter from zod's issues: unknown keys by name, others by their path. */
function parameterErrors(
  error: FastifyError & {
    validation: { instancePath: string; message: string; keyword: string; params: Record<string, unknown> }[];
  },
): ParameterError[] {
  const where = CONTEXT[error.validationContext ?? ''] ?? 'query';
  const out: ParameterError[] = [];
  for (const v of error.validation) {
    const name = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      for (const k of v.params.keys) out.push({ in: where, name: String(k), detail: 'unknown parameter' });
    } else {
      out.push({ in: where, name: name || '(root)', detail: v.message });
    }
  }
  return out;
}

function isDatabaseDown(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' || // cannot_connect_now
    code === '08006' ||
    code === '08001' ||
    code === '57014' || // query_canceled: statement_timeout
    code === '53300' || // too_many_connections
    /Connection terminated|timeout exceeded when trying to connect|Query read timeout/i.test(
      String((err as Error)?.message),
    ) ||
    (cause !== undefined && cause !== err && isDatabaseDown(cause))
  );
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem = problemOf(err);
    if (problem) return sendProblem(req, reply, problem.slug, problem.detail, problem.errors, problem.headers);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = parameterErrors(err as never);
      const detail = errors.map((e) => `${e.in} parameter ${e.name}: ${e.detail}`).join('; ');
      return sendProblem(req, reply, 'invalid-parameter', detail, errors);
    }
    if (isDatabaseDown(err)) {
      // A client that left while its answer was computed is not the database failing.
      if (req.raw.destroyed || reply.raw.destroyed) req.log.info({ err: err.message }, 'client closed the connection');
      else req.log.warn({ err }, 'database unavailable');
      return sendProblem(
        req,
        reply,
        'service-unavailable',
        'the database is unavailable or did not answer in time',
        undefined,
        {
          'retry-after': '5',
        },
      );
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return sendProblem(req, reply, 'payload-too-large', 'the request body is too large');
    if (status === 415) return sendProblem(req, reply, 'unsupported-media-type', 'this endpoint takes no request body');
    if (status === 406) return sendProblem(req, reply, 'not-acceptable', err.message);
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed URL, bad header, ...): keep the status, describe without internals.
      const body = {
        type: 'about:blank',
        title: err.code ?? 'Bad request',
        status,
        detail: err.message,
        instance: req.url,
      };
      return reply.code(status).type(PROBLEM_TYPE).serializer(JSON.stringify).send(body);
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(req, reply, 'internal-error', `internal error (request ${req.id})`);
  });
}

/** A problem written straight to a socket, for errors Node's HTTP parser raises before any request object exists
 * (malformed request line, headers too large, a request that never completes): problem+json, Connection: close. */
export function rawProblem(slug: ProblemSlug, detail: string): string {
  const t = PROBLEM_TYPES[slug];
  const body = JSON.stringify({ type: `/problems/${slug}`, title: t.title, status: t.status, detail, instance: '' });
  return (
    `HTTP/1.1 ${t.status} ${t.title}\r\nContent-Type: ${PROBLEM_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
