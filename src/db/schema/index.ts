export * from "./agency-units.js";
export * from "./legal-documents.js";
export * from "./procedures.js";
export * from "./access.js";
export * from "./dossiers.js";
export * from "./indexes.js";
export * from "./dashboards.js";
export * from "./oversight.js";
