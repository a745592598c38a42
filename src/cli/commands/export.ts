import { extname } from "node:path";
import { FatalError } from "../errors.js";
import { openWriter, type OutputFormat } from "../formats/writers.js";
import { parseDate } from "../mapping/values.js";
import type { RowError } from "../errors.js";
import { formatCount } from "../progress.js";
import type { GraphQLClient } from "../transport/client.js";
import { connect, type CommonOptions } from "./common.js";

export interface ExportOptions extends CommonOptions {
  agency?: string;
  from?: string;
  to?: string;
  asOf?: string;
  format?: string;
  out?: string;
}

interface Page<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Pages through a connection, one page in memory at a time. */
async function* pages<T>(client: GraphQLClient, query: string, variables: Record<string, unknown>, pick: (data: any) => Page<T>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = pick(await client.request(query, { ...variables, after }));
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

type Exporter = {
  columns: string[];
  rows(client: GraphQLClient, options: ExportOptions, pageSize: number, warn: (message: string) => void): AsyncGenerator<Record<string, string>>;
};

const str = (value: unknown) => (value === null || value === undefined ? "" : String(value));

const UNIT_FIELDS = "code name kind parent { code } gsoCode validFrom validTo address";
const unitRow = (u: any) => ({ code: u.code, name: u.name, kind: u.kind, parentCode: str(u.parent?.code), gsoCode: str(u.gsoCode), validFrom: str(u.validFrom), validTo: str(u.validTo), address: str(u.address) });

const DOSSIER_FIELDS =
  "code procedure { code } agency { code } channel receivedAt dueAt status lastEventAt paidOnline digitised electronicResult " +
  "applicant { kind name identityNumber phone email address masked } events { id kind to at handOver agency { code } note }";

function dossierQuery(): string {
  return `query LienthongExport($filter: DossierFilter, $first: Int, $after: String) { dossiers(filter: $filter, first: $first, after: $after) {
    edges { node { ${DOSSIER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
}

function dossierFilter(options: ExportOptions) {
  const date = (field: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    try {
      return parseDate(field, value);
    } catch (error) {
      throw new FatalError(`--${field}: ${(error as RowError).message}`);
    }
  };
  return { agencyCode: options.agency, receivedFrom: date("from", options.from), receivedTo: date("to", options.to) };
}

/** The snapshot of a dossier in the importer's columns: current status and the instants the derivation reads. */
function dossierRow(d: any): Record<string, string> {
  const events = d.events as { to: string; at: string }[];
  const firstAt = (status: string) => str(events.find((e) => e.to === status)?.at);
  let since = events.length - 1;
  while (since > 0 && events[since - 1]!.to === d.status) since--;
  return {
    code: d.code,
    procedureCode: str(d.procedure?.code),
    agencyCode: str(d.agency?.code),
    channel: d.channel,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    status: d.status,
    statusAt: str(events[since]?.at ?? d.lastEventAt),
    resolvedAt: firstAt("RESOLVED"),
    returnedAt: firstAt("RETURNED"),
    applicantName: str(d.applicant?.name),
    applicantIdentityNumber: d.applicant?.masked ? "" : str(d.applicant?.identityNumber),
    applicantPhone: d.applicant?.masked ? "" : str(d.applicant?.phone),
    applicantKind: str(d.applicant?.kind),
    applicantEmail: d.applicant?.masked ? "" : str(d.applicant?.email),
    applicantAddress: d.applicant?.masked ? "" : str(d.applicant?.address),
    paidOnline: str(d.paidOnline),
    digitised: str(d.digitised),
    electronicResult: str(d.electronicResult),
  };
}

const EXPORTERS: Record<string, Exporter> = {
  units: {
    columns: ["code", "name", "kind", "parentCode", "gsoCode", "validFrom", "validTo", "address"],
    async *rows(client, options, first) {
      if (options.agency) {
        const top = await client.request<{ agencyUnit: any }>(`query($code: String!, $asOf: Date) { agencyUnit(code: $code, asOf: $asOf) { ${UNIT_FIELDS} } }`, {
          code: options.agency,
          asOf: options.asOf,
        });
        if (!top.agencyUnit) throw new FatalError(`no agency unit ${options.agency}`);
        yield unitRow(top.agencyUnit);
        const query = `query($code: String!, $asOf: Date, $first: Int, $after: String) { agencyUnit(code: $code, asOf: $asOf) { descendants(first: $first, after: $after, asOf: $asOf) { edges { node { ${UNIT_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;
        for await (const unit of pages(client, query, { code: options.agency, asOf: options.asOf, first }, (d) => d.agencyUnit.descendants)) yield unitRow(unit);
        return;
      }
      const query = `query($filter: AgencyUnitFilter, $first: Int, $after: String) { agencyUnits(filter: $filter, first: $first, after: $after) { edges { node { ${UNIT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
      for await (const unit of pages(client, query, { filter: { asOf: options.asOf }, first }, (d) => d.agencyUnits)) yield unitRow(unit);
    },
  },
  procedures: {
    columns: ["code", "name", "field", "level", "statutoryDays", "committedDays", "onlineKind", "oneStopKind", "agencyCodes", "feeVnd", "feeNote", "postal", "iso9001"],
    async *rows(client, options, first) {
      const query = `query($filter: ProcedureFilter, $first: Int, $after: String) { procedures(filter: $filter, first: $first, after: $after) {
        edges { node { code name field level statutoryDays committedDays onlineKind oneStopKind agencies { code } feeVnd feeNote postal iso9001 } } pageInfo { hasNextPage endCursor } } }`;
      for await (const p of pages<any>(client, query, { filter: { agencyCode: options.agency }, first }, (d) => d.procedures)) {
        yield {
          code: p.code, name: p.name, field: p.field, level: p.level, statutoryDays: str(p.statutoryDays), committedDays: str(p.committedDays),
          onlineKind: p.onlineKind, oneStopKind: p.oneStopKind, agencyCodes: (p.agencies as { code: string }[]).map((a) => a.code).join(";"),
          feeVnd: str(p.feeVnd), feeNote: str(p.feeNote), postal: str(p.postal), iso9001: str(p.iso9001),
        };
      }
    },
  },
  dossiers: {
    columns: Object.keys(dossierRow({ events: [], applicant: null })),
    async *rows(client, options, first, warn) {
      let warned = false;
      for await (const d of pages<any>(client, dossierQuery(), { filter: dossierFilter(options), first }, (data) => data.dossiers)) {
        if (d.applicant?.masked && !warned) {
          warned = true;
          warn("applicants' identity numbers, phones and addresses are masked for this token (no PERSONAL_DATA role): they are left empty");
        }
        yield dossierRow(d);
      }
    },
  },
  events: {
    columns: ["id", "dossierCode", "status", "at", "agencyCode", "note"],
    async *rows(client, options, first) {
      for await (const d of pages<any>(client, dossierQuery(), { filter: dossierFilter(options), first }, (data) => data.dossiers)) {
        for (const e of d.events as any[]) {
          if (e.kind !== "RECORDED" || !e.id) continue;
          yield { id: e.id, dossierCode: d.code, status: e.to, at: e.at, agencyCode: e.handOver ? str(e.agency?.code) : "", note: str(e.note) };
        }
      }
    },
  },
};

function formatOf(options: ExportOptions): OutputFormat {
  const format = options.format ?? (options.out ? extname(options.out).slice(1).toLowerCase().replace("jsonl", "ndjson") : "csv");
  if (format !== "csv" && format !== "ndjson" && format !== "xlsx") throw new FatalError(`--format must be csv, ndjson or xlsx (got "${format}")`);
  if (format === "xlsx" && !options.out && process.stdout.isTTY) throw new FatalError("an .xlsx export is binary: give --out FILE or redirect stdout");
  return format;
}

/** `lienthong export <entity>`: streams the rows page by page to `--out` or stdout; returns the exit status. */
export async function runExport(entityName: string, options: ExportOptions): Promise<number> {
  const exporter = EXPORTERS[entityName];
  if (!exporter || !Object.hasOwn(EXPORTERS, entityName)) throw new FatalError(`unknown export "${entityName}": one of ${Object.keys(EXPORTERS).join(", ")}`);
  const format = formatOf(options);
  const { client, limits } = await connect(options);
  const writer = openWriter(format, exporter.columns, options.out);
  let rows = 0;
  const started = Date.now();
  const warn = (message: string) => process.stderr.write(`lienthong: ${message}\n`);
  try {
    for await (const row of exporter.rows(client, options, limits.maxPageSize, warn)) {
      await writer.write(row);
      rows++;
    }
  } finally {
    await writer.close();
  }
  process.stderr.write(`lienthong export ${entityName}: ${formatCount(rows)} rows in ${((Date.now() - started) / 1000).toFixed(1)} s${options.out ? ` to ${options.out}` : ""}\n`);
  return 0;
}
