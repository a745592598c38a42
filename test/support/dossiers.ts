import { count } from "drizzle-orm";
import type { Client } from "graphql-ws";
import { dossierEvents, dossiers, procedures } from "../../src/db/schema/index.js";
import type { Db } from "../../src/db/client.js";
import type { TestServer } from "./server.js";

let counter = Math.floor(Math.random() * 900_000);

/** Test setup only: inserts a procedure directly; returns its unique code. */
export async function seedProcedure(db: Db, committedDays: number, statutoryDays = Math.max(committedDays, 1), name = "Chứng thực bản sao từ bản chính") {
  counter = (counter + 1) % 1_000_000;
  const code = `1.${String(counter).padStart(6, "0")}`;
  const [row] = await db
    .insert(procedures)
    .values({ code, name, field: "Tư pháp", level: "COMMUNE", statutoryDays, committedDays })
    .returning();
  return { id: row!.id, code };
}

export const SUBMIT = `mutation($input: [DossierInput!]!) {
  submitDossiers(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;

export const RECORD = `mutation($input: [DossierEventInput!]!) {
  recordDossierEvents(input: $input) { applied unchanged failed items { key ok error { code message field } } }
}`;

export const DOSSIER = `query($code: String!) {
  dossier(code: $code) {
    code status statusPortalCode channel channelPortalCode receivedAt dueAt effectiveDueAt finishedAt timeliness
    supplementCount paidOnline digitised electronicResult lastEventAt
    procedure { code name } agency { code } holder { code }
    applicant { kind name identityNumber phone email address masked }
    events { cursor id kind from to fromPortalCode toPortalCode at handOver note agency { code } previousAgency { code } }
  }
}`;

export const EVENT_FIELDS = `cursor kind eventId from to fromPortalCode toPortalCode at agencyCode previousAgencyCode handOver note
  dossier { code status timeliness procedure { name } holder { code } }`;

/** A dossier code of `agencyCode` received on the Vietnamese date of `receivedAt` (an ISO string with offset). */
export function dossierCode(agencyCode: string, receivedAt: string, sequence: number): string {
  const vn = new Date(new Date(receivedAt).getTime() + 7 * 3_600_000).toISOString();
  return `${agencyCode}-${vn.slice(2, 4)}${vn.slice(5, 7)}${vn.slice(8, 10)}-${String(sequence).padStart(4, "0")}`;
}

export interface Collected<T> {
  items: T[];
  errors: unknown[];
  /** Resolves once at least `n` items arrived; rejects at the first error. */
  waitFor(n: number): Promise<T[]>;
  /** Resolves once an item satisfies `predicate`; rejects at the first error. */
  waitForItem(predicate: (item: T) => boolean): Promise<T[]>;
  /** Resolves at the first error. */
  waitForError(): Promise<unknown>;
  stop(): void;
}

/** Subscribes and collects every `field` of the results, so tests wait for counts instead of sleeping. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown>, field: string): Collected<T> {
  const items: T[] = [];
  const errors: unknown[] = [];
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  const stop = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) errors.push(...result.errors);
        else if (result.data) items.push(result.data[field]!);
        changed();
      },
      error: (error) => {
        errors.push(error);
        changed();
      },
      complete: () => changed(),
    },
  );
  const until = <R>(check: () => R | undefined, fail = true) =>
    new Promise<R>((resolve, reject) => {
      const listener = () => {
        if (fail && errors.length) {
          listeners.delete(listener);
          reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
          return;
        }
        const value = check();
        if (value !== undefined) {
          listeners.delete(listener);
          resolve(value);
        }
      };
      listeners.add(listener);
      listener();
    });
  return {
    items,
    errors,
    waitFor: (n) => until(() => (items.length >= n ? items.slice() : undefined)),
    waitForItem: (predicate) => until(() => (items.some(predicate) ? items.slice() : undefined)),
    waitForError: () => until(() => (errors.length ? errors[0] : undefined), false),
    stop,
  };
}

/** Rows of the dossier tables, to assert that rejected input left nothing behind. */
export async function dossierTableCounts(db: Db): Promise<{ dossiers: number; events: number }> {
  const [d] = await db.select({ n: count() }).from(dossiers);
  const [e] = await db.select({ n: count() }).from(dossierEvents);
  return { dossiers: d!.n, events: e!.n };
}

const ISSUE = `mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token } }`;

/** Issues a token through the API (administrator). */
export async function issueToken(server: TestServer, roles: string[], agencyCode: string | null, label = "dossier test"): Promise<string> {
  const res = await server.admin(ISSUE, { input: { roles, agencyCode, label } });
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data.issueApiToken.token as string;
}

/** A batch item result as the API returns it. */
export type BatchItem = { key: string; ok: boolean; error: { code: string; field: string | null; message: string } | null };

/** Each item's `[code, field]` of its error, or `"ok"`: what batch tests compare. */
export function errorsOf(items: BatchItem[]): ("ok" | [string, string | null])[] {
  return items.map((i) => (i.error ? [i.error.code, i.error.field] : "ok"));
}
