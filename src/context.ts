import type { Config } from "./config.js";
import type { Database, Db } from "./db/client.js";
import type { Viewer } from "./modules/access/viewer.js";
import { silentLogger, type Logger } from "./observability/log.js";
import type { Metrics } from "./observability/metrics.js";
import type { OperationTrace } from "./observability/trace.js";
import { createAgencyUnitLoaders } from "./modules/agency-units/agency-unit.loaders.js";
import type { DossierEventHub } from "./modules/dossiers/live/dossier-event-hub.js";
import { createDossierLoaders } from "./modules/dossiers/read/dossier.loaders.js";
import { createIndexLoaders } from "./modules/indexes/par-index.loaders.js";
import { createLegalDocumentLoaders } from "./modules/legal-documents/legal-document.loaders.js";
import { createProcedureLoaders } from "./modules/procedures/procedure.loaders.js";

/**
 * Per-request DataLoaders of every domain: fresh per HTTP request and per subscription event. Each domain's
 * loaders are created on first use: most operations touch one or two domains, and every open subscription holds a
 * context (eager loaders were ~8 KB of the ~40 KB a WebSocket subscriber cost, bench heap snapshot). Getters on
 * the prototype, so that an unused set of loaders is one small object.
 */
export class Loaders {
  #agencyUnits: ReturnType<typeof createAgencyUnitLoaders> | undefined;
  #legalDocuments: ReturnType<typeof createLegalDocumentLoaders> | undefined;
  #procedures: ReturnType<typeof createProcedureLoaders> | undefined;
  #dossiers: ReturnType<typeof createDossierLoaders> | undefined;
  #indexes: ReturnType<typeof createIndexLoaders> | undefined;

  constructor(private readonly db: Db) {}

  get agencyUnits() {
    return (this.#agencyUnits ??= createAgencyUnitLoaders(this.db));
  }
  get legalDocuments() {
    return (this.#legalDocuments ??= createLegalDocumentLoaders(this.db));
  }
  get procedures() {
    return (this.#procedures ??= createProcedureLoaders(this.db));
  }
  get dossiers() {
    return (this.#dossiers ??= createDossierLoaders(this.db));
  }
  get indexes() {
    return (this.#indexes ??= createIndexLoaders(this.db));
  }
}

/** Fresh loaders for one request or one delivered event. */
export function createLoaders(db: Db): Loaders {
  return new Loaders(db);
}

/** What every resolver receives: who is calling, the database and this request's loaders. */
export interface Context {
  viewer: Viewer;
  db: Db;
  database: Database;
  config: Config;
  loaders: Loaders;
  /** Wakes this instance's dossier subscriptions; null outside a running server (scripts). */
  dossierEvents: DossierEventHub | null;
  log: Logger;
  /** This server's metrics; null outside a running server (scripts). */
  metrics: Metrics | null;
  /** What the HTTP operation's log line reports (HTTP only). */
  trace?: OperationTrace;
}

/** Points a request's reads (and its fresh loaders) at another database: a read replica for queries. */
export function readFrom(ctx: Context, db: Db): void {
  if (ctx.db === db) return;
  ctx.db = db;
  ctx.loaders = createLoaders(db);
}

export function createContext(
  viewer: Viewer,
  database: Database,
  config: Config,
  dossierEvents: DossierEventHub | null = null,
  observe: { log: Logger; metrics: Metrics | null } = { log: silentLogger, metrics: null },
): Context {
  return { viewer, db: database.db, database, config, loaders: createLoaders(database.db), dossierEvents, ...observe };
}
