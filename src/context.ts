import type { Config } from "./config.js";
import type { Database, Db } from "./db/client.js";
import type { Viewer } from "./modules/access/viewer.js";
import { createAgencyUnitLoaders } from "./modules/agency-units/agency-unit.loaders.js";
import type { DossierEventHub } from "./modules/dossiers/dossier-event-hub.js";
import { createDossierLoaders } from "./modules/dossiers/dossier.loaders.js";
import { createIndexLoaders } from "./modules/indexes/index.loaders.js";
import { createLegalDocumentLoaders } from "./modules/legal-documents/legal-document.loaders.js";
import { createProcedureLoaders } from "./modules/procedures/procedure.loaders.js";

/** Per-request DataLoaders of every domain: fresh per HTTP request and per subscription event. */
export function createLoaders(db: Db) {
  return {
    agencyUnits: createAgencyUnitLoaders(db),
    legalDocuments: createLegalDocumentLoaders(db),
    procedures: createProcedureLoaders(db),
    dossiers: createDossierLoaders(db),
    indexes: createIndexLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver receives: who is calling, the database and this request's loaders. */
export interface Context {
  viewer: Viewer;
  db: Db;
  database: Database;
  config: Config;
  loaders: Loaders;
  /** Wakes this instance's dossier subscriptions; null outside a running server (scripts). */
  dossierEvents: DossierEventHub | null;
}

export function createContext(viewer: Viewer, database: Database, config: Config, dossierEvents: DossierEventHub | null = null): Context {
  return { viewer, db: database.db, database, config, loaders: createLoaders(database.db), dossierEvents };
}
