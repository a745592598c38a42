import type { Logger } from "./log.js";

/** Runs the named steps of a start, logging each with its duration; on a terminal, shows them as they happen. */
export interface StartupSteps {
  run<T>(step: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Start-up steps: every step is logged (`startup step` with `step` and `durationMs`); when `terminal` is given
 * (main passes stderr when it is a TTY), the running step shows with its elapsed time and each finished one stays
 * on its own line, so that a first start loading the demo data says what it is doing.
 */
export function startupSteps(log: Logger, terminal?: NodeJS.WriteStream): StartupSteps {
  return {
    async run(step, work) {
      const started = Date.now();
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      const ticker = terminal ? setInterval(() => terminal.write(`\r  … ${step} ${seconds()} s`), 250) : undefined;
      ticker?.unref();
      try {
        const result = await work();
        terminal?.write(`\r  ✓ ${step} ${seconds()} s\x1b[K\n`);
        log.info({ step, durationMs: Date.now() - started }, "startup step");
        return result;
      } catch (error) {
        terminal?.write(`\r  ✗ ${step} ${seconds()} s\x1b[K\n`);
        throw error;
      } finally {
        clearInterval(ticker);
      }
    },
  };
}
