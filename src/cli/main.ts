/**
 * `lienthong`: the reference sync client. It talks to a hub only through the public GraphQL API, so whatever it
 * does any agency's integration can do too. Exit status: 0 nothing rejected, 1 rows rejected (see the rejects
 * file), 2 the command could not run (unreadable file, unknown columns, refused token, unreachable hub).
 */
import { Command, Option } from "commander";
import { runExport, type ExportOptions } from "./commands/export.js";
import { importHelp, runImport, type ImportOptions } from "./commands/import.js";
import { FatalError } from "./errors.js";

const DEFAULT_URL = "http://127.0.0.1:4000/graphql";

function common(command: Command): Command {
  return command
    .addOption(new Option("--url <url>", "the hub's GraphQL endpoint").env("LIENTHONG_URL").default(DEFAULT_URL))
    .addOption(new Option("--token <token>", "API token (Authorization: Bearer)").env("LIENTHONG_TOKEN"));
}

async function exit(run: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await run();
  } catch (error) {
    if (error instanceof FatalError) {
      process.stderr.write(`lienthong: ${error.message}\n`);
    } else {
      process.stderr.write(`lienthong: unexpected failure: ${(error as Error).message}\n`);
    }
    process.exitCode = 2;
  }
}

export function buildProgram(): Command {
  const program = new Command("lienthong")
    .description("Reference sync client of a lienthong hub: imports CSV, NDJSON/JSON and .xlsx files, exports the same columns.")
    .showHelpAfterError()
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .addHelpText(
      "after",
      "\nExit status: 0 nothing rejected, 1 some rows rejected (<input>.rejects.csv), 2 could not run.\n" +
        "Examples:\n  lienthong import dossiers ho-so.xlsx --token $TOKEN\n  lienthong export dossiers --agency 000.00.18.H26 --from 2017-01-01 --to 2017-05-31 --out ho-so.csv",
    );

  common(
    program
      .command("import")
      .description("Send the rows of a file to the hub in idempotent batches (units, documents, procedures, dossiers or events)")
      .argument("<entity>", "units | documents | procedures | dossiers | events")
      .argument("<file>", "a .csv (comma or semicolon, UTF-8), .ndjson/.jsonl, .json (array) or .xlsx file"),
  )
    .option("--concurrency <n>", "batches in flight at once", "4")
    .option("--batch-size <n>", "rows per batch (default and ceiling: the hub's MAX_BATCH_ITEMS)")
    .option("--mapping <file>", 'JSON file of "header": "field" (null ignores a column) for headers not recognised')
    .option("--dry-run", "parse, map and check locally; send nothing")
    .option("--resume", "continue a stopped import from <file>.checkpoint.json")
    .addHelpText("after", `\nAccepted columns (* required; Vietnamese headers in brackets, case and diacritics ignored):${importHelp()}`)
    .action((entity: string, file: string, options: ImportOptions) => exit(() => runImport(entity, file, options)));

  common(
    program
      .command("export")
      .description("Stream rows from the hub page by page, in the columns the importer reads")
      .argument("<entity>", "units | procedures | dossiers | events"),
  )
    .option("--agency <code>", "only this unit's subtree (dossiers received or held there; its units; its procedures)")
    .option("--from <date>", "dossiers received on or after this day (YYYY-MM-DD)")
    .option("--to <date>", "dossiers received on or before this day (YYYY-MM-DD)")
    .option("--as-of <date>", "units: the tree as of this day (default today)")
    .addOption(new Option("--format <format>", "output format (default: from --out's extension, else csv)").choices(["csv", "ndjson", "xlsx"]))
    .option("--out <file>", "write to this file instead of stdout")
    .action((entity: string, options: ExportOptions) => exit(() => runExport(entity, options)));

  return program;
}

await buildProgram().parseAsync(process.argv);
