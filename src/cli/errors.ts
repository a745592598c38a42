/** A reason the command cannot run at all (unreadable file, unknown headers, bad token, hub unreachable): exit 2. */
export class FatalError extends Error {}

/** A row that cannot be sent, with the field and rule it breaks (local checks mirror the hub's item errors). */
export class RowError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}
