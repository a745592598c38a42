import { FatalError } from "../errors.js";
import { GraphQLClient } from "../transport/client.js";

export interface CommonOptions {
  url: string;
  token?: string;
}

export interface ServerLimits {
  maxBatchItems: number;
  maxPageSize: number;
  maxBodyBytes: number;
}

/**
 * Checks before anything is sent that the hub answers, that it accepts the token, and reads its limits. A hub
 * without `serverLimits` (an older version) gets the documented defaults.
 */
export async function connect(options: CommonOptions, need: { write?: boolean } = {}): Promise<{ client: GraphQLClient; limits: ServerLimits }> {
  if (need.write && !options.token) throw new FatalError("an import needs a token with the WRITER role: --token or LIENTHONG_TOKEN");
  const client = new GraphQLClient({
    url: options.url,
    token: options.token,
    onRetry: (reason, delay) => process.stderr.write(`lienthong: ${reason}; retrying in ${(delay / 1000).toFixed(1)} s\n`),
  });
  const probe = new GraphQLClient({ url: options.url, token: options.token, attempts: 3, backoffMs: 300 });
  try {
    const data = await probe.request<{ serverLimits: ServerLimits }>("query LienthongLimits { serverLimits { maxBatchItems maxPageSize maxBodyBytes } }");
    return { client, limits: data.serverLimits };
  } catch (error) {
    if (error instanceof FatalError && /Cannot query field "serverLimits"/.test(error.message)) {
      return { client, limits: { maxBatchItems: 1000, maxPageSize: 100, maxBodyBytes: 2_097_152 } };
    }
    throw error;
  }
}
