// loadConfig(env): the service's configuration, zod-parsed and frozen; the only reader of process.env.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_READ_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/[^,]+(,postgres(ql)?:\/\/[^,]+)*$/,
      'must be one or more postgres:// URLs, comma-separated',
    )
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  PGLITE_DIR: z.string().min(1).optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default('data'),
  IMPORT_ON_START: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CACHE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(300),
  CORS_ORIGINS: z.string().min(1).default('*'),
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(256),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** A PostgreSQL URL; when absent the embedded PGlite database is used. */
  readonly databaseUrl: string | undefined;
  /** Read replicas (comma-separated PostgreSQL URLs): every read goes there; writes and imports to databaseUrl. */
  readonly databaseReadUrl: string | undefined;
  /** Redis for rate-limit counters shared by every instance; in-process counters when absent. */
  readonly redisUrl: string | undefined;
  /** Where PGlite keeps its files; in memory when absent. */
  readonly pgliteDir: string | undefined;
  readonly dbPoolMax: number;
  readonly dataDir: string;
  readonly importOnStart: boolean;
  readonly logLevel: string;
  /** Cache-Control max-age of dataset responses, in seconds. */
  readonly cacheMaxAge: number;
  /** Origins allowed by CORS: `*`, or a comma-separated list of origins. */
  readonly corsOrigins: string;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy), for rate limiting and logs. */
  readonly trustProxy: boolean;
  /** Requests per client address per window; 0 turns rate limiting off. */
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  /** Requests handled at once; beyond it the service sheds load with 503. 0: no limit. */
  readonly maxInFlight: number;
  /** Event-loop delay above which the service sheds load with 503. 0: off. */
  readonly maxEventLoopDelayMs: number;
  /** Time a client has to send its whole request. */
  readonly requestTimeoutMs: number;
  /** Longest a single SQL statement may run before it is cancelled (503). 0: no limit. */
  readonly dbStatementTimeoutMs: number;
  /** On SIGTERM, how long requests already sent may take to finish before connections are cut. */
  readonly shutdownTimeoutMs: number;
  /** Memory for cached response bodies (per dataset revision, URL and Accept); 0 turns the cache off. */
  readonly responseCacheMb: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as shells often export VAR= to clear a value.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databaseReadUrl: c.DATABASE_READ_URL,
    redisUrl: c.REDIS_URL,
    pgliteDir: c.PGLITE_DIR,
    dbPoolMax: c.DB_POOL_MAX,
    dataDir: c.DATA_DIR,
    // PGlite lives in this process, so it imports on start; PostgreSQL is shared by many instances, whose data is
    // loaded by the release job (npm run data:import) once, not by every instance as it starts.
    importOnStart: c.IMPORT_ON_START ?? c.DATABASE_URL === undefined,
    logLevel: c.LOG_LEVEL,
    cacheMaxAge: c.CACHE_MAX_AGE,
    corsOrigins: c.CORS_ORIGINS,
    trustProxy: c.TRUST_PROXY,
    rateLimitMax: c.RATE_LIMIT_MAX,
    rateLimitWindowMs: c.RATE_LIMIT_WINDOW_MS,
    maxInFlight: c.MAX_IN_FLIGHT,
    maxEventLoopDelayMs: c.MAX_EVENT_LOOP_DELAY_MS,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    dbStatementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
    responseCacheMb: c.RESPONSE_CACHE_MB,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
  });
}

/** The database options of a configuration: the one mapping from settings to openDatabase (db/client.ts). */
export function databaseOptionsOf(config: Config) {
  return {
    databaseUrl: config.databaseUrl,
    readUrl: config.databaseReadUrl,
    pgliteDir: config.pgliteDir,
    poolMax: config.dbPoolMax,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  };
}
