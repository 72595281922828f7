import type { Config } from '@sumeru/config';

/** What every command receives from the entry point; configuration is parsed only when a command runs. */
export type CliContext = { getConfig: () => Config };
