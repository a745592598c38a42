import { documents, procedures, units } from "./catalogue.js";
import { dossiers } from "./dossiers.js";
import type { Entity } from "./entity.js";
import { events } from "./events.js";

/** Every importable entity by the name the command takes. */
export const ENTITIES: Readonly<Record<Entity["name"], Entity>> = { units, documents, procedures, dossiers, events };
