/**
 * The only reader of `process.env`. Every variable is validated at once so that an operator sees all mistakes in
 * one start instead of fixing them one per restart.
 */
export interface Limits {
  /** Largest accepted HTTP request body, in bytes. */
  maxBodyBytes: number;
  /** Items accepted by one batch mutation. */
  maxBatchItems: number;
  /** Deepest selection nesting of an operation. */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Variables declared by one operation. */
  maxVariables: number;
  /** Estimated cost of one operation: one per field, multiplied by the page size of lists. */
  maxCost: number;
  /** Sustained operations per second per token (per client address when anonymous), on each instance. */
  rateLimitPerSecond: number;
  /** Operations a client may send at once above the sustained rate. */
  rateLimitBurst: number;
  /** Open subscriptions on one WebSocket connection. */
  maxSubscriptionsPerConnection: number;
  /** Open subscriptions of one token (or one anonymous address) on one instance. */
  maxSubscriptionsPerToken: number;
}

export interface Config {
  host: string;
  port: number;
  /** `undefined`: embedded PGlite persisted in `dataDir`; `memory://`: in-memory PGlite; else a postgres URL. */
  databaseUrl: string | undefined;
  /** Streaming replicas that answer queries (`DATABASE_READ_URL`, comma-separated postgres URLs); empty: none. */
  databaseReadUrls: string[];
  /** How long a token's read after its own write waits for a replica before reading from the primary. */
  replicaMaxWaitMs: number;
  dataDir: string;
  adminToken: string | undefined;
  demoData: boolean;
  /** Write the announced calendar exceptions of 2018–2026 into an empty exceptions table at start. */
  announcedCalendar: boolean;
  /** Local hour (UTC+7) from which a dossier receipt counts from the next working day (`CUTOFF_HOUR`, default 15). */
  cutoffHour: number;
  /** Development mode: the explorer landing page and error details. */
  development: boolean;
  introspection: boolean;
  /** Responses carry `x-sql-statements`, the statements an HTTP operation sent (not in production). */
  statementHeader: boolean;
  limits: Limits;
  /** pino level: fatal, error, warn, info, debug, trace or silent (`LOG_LEVEL`, default info). */
  logLevel: string;
  /** `LOG_FORMAT`: json (default) or pretty (default in development; needs the pino-pretty dev dependency). */
  logFormat: "json" | "pretty";
  /** When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join("\n  - ")}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the configuration; throws a {@link ConfigError} listing every bad variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === "") return fallback;
    if (["true", "1", "yes"].includes(raw)) return true;
    if (["false", "0", "no"].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^(memory:\/\/|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be memory:// or a postgres:// URL (got "${databaseUrl}")`);
  }
  const databaseReadUrls = (env.DATABASE_READ_URL ?? "").split(",").map((url) => url.trim()).filter(Boolean);
  for (const url of databaseReadUrls) {
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push(`DATABASE_READ_URL must list postgres:// URLs separated by commas (got "${url}")`);
  }
  if (databaseReadUrls.length > 0 && !/^postgres(ql)?:\/\//.test(databaseUrl ?? "")) {
    problems.push("DATABASE_READ_URL needs DATABASE_URL to name the PostgreSQL primary those replicas follow");
  }
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    problems.push("ADMIN_TOKEN must be at least 16 characters long");
  }
  const nodeEnv = env.NODE_ENV ?? "development";
  if (!["development", "production", "test"].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  }
  const development = nodeEnv === "development";
  const logLevel = env.LOG_LEVEL || "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent (got "${logLevel}")`);
  }
  const logFormat = env.LOG_FORMAT || (development ? "pretty" : "json");
  if (logFormat !== "json" && logFormat !== "pretty") problems.push(`LOG_FORMAT must be json or pretty (got "${logFormat}")`);

  const config: Config = {
    host: env.HOST || "127.0.0.1",
    port: int("PORT", 4000, 0, 65535),
    databaseUrl,
    databaseReadUrls,
    replicaMaxWaitMs: int("REPLICA_MAX_WAIT_MS", 500, 0, 60_000),
    dataDir: env.DATA_DIR || ".data",
    adminToken,
    demoData: bool("DEMO_DATA", true),
    announcedCalendar: bool("ANNOUNCED_CALENDAR", true),
    cutoffHour: int("CUTOFF_HOUR", 15, 0, 24),
    development,
    introspection: bool("INTROSPECTION", development),
    statementHeader: nodeEnv !== "production",
    logLevel,
    logFormat: logFormat as Config["logFormat"],
    metricsToken: env.METRICS_TOKEN || undefined,
    limits: {
      maxBodyBytes: int("MAX_BODY_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
      maxBatchItems: int("MAX_BATCH_ITEMS", 1000, 1, 10_000),
      maxDepth: int("MAX_QUERY_DEPTH", 12, 2, 100),
      maxAliases: int("MAX_ALIASES", 30, 0, 1000),
      maxVariables: int("MAX_VARIABLES", 100, 1, 10_000),
      maxCost: int("MAX_QUERY_COST", 20_000, 10, 10_000_000),
      rateLimitPerSecond: int("RATE_LIMIT_PER_SECOND", 50, 1, 100_000),
      rateLimitBurst: int("RATE_LIMIT_BURST", 200, 1, 1_000_000),
      maxSubscriptionsPerConnection: int("MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, 1, 10_000),
      maxSubscriptionsPerToken: int("MAX_SUBSCRIPTIONS_PER_TOKEN", 200, 1, 1_000_000),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
