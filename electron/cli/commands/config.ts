/**
 * `headroom config init | show | set KEY VALUE | path`: the settings file shared with the desktop app
 * (`<dataDir>/config.json`). VALUE is JSON when it parses (`75`, `true`, `["/a"]`), else a string.
 * A bad value is refused with its key named, and the file keeps its previous value.
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../../engine/data-dir';
import { getAt, keyPath, parseCliValue } from '../../engine/settings/keys';
import { SettingsStore } from '../../engine/settings/store';
import { UsageError } from '../errors';

interface DataDirFlag {
  dataDir?: string;
}

const dataDirOption = ['--data-dir <dir>', "Headroom's data folder (default: HEADROOM_DATA_DIR or the app's data folder)"] as const;

export function register(program: Command): void {
  const config = program.command('config').description('Show or change settings (thresholds, weights, cooldown, model windows, prices, roots)');

  config
    .command('init')
    .description('Write a settings file with every default, for editing')
    .option('--force', 'replace an existing settings file with the defaults')
    .option(...dataDirOption)
    .action((flags: DataDirFlag & { force?: boolean }) => {
      const store = open(flags);
      if (store.exists() && !flags.force) throw new UsageError(`${store.path} already exists (use --force to reset it to the defaults)`, 1);
      store.reset();
      process.stdout.write(`Wrote the default settings to ${store.path}\n`);
    });

  config
    .command('show')
    .description('Print the settings in effect as JSON (a KEY prints one value)')
    .argument('[key]', 'a dotted key, e.g. thresholds.warningPercent')
    .option(...dataDirOption)
    .action((key: string | undefined, flags: DataDirFlag) => {
      const { settings, issues } = open(flags).load();
      for (const issue of issues) process.stderr.write(`headroom: settings${issue.key ? ` ${issue.key}` : ''}: ${issue.message} (using the default)\n`);
      let value: unknown = settings;
      if (key) {
        const path = keyPath(key);
        value = path ? getAt(settings, path) : undefined;
        if (value === undefined) throw new UsageError(`unknown setting "${key}"`, 1);
      }
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    });

  config
    .command('set')
    .description('Change one setting, e.g. "config set thresholds.warningPercent 75"')
    .argument('<key>', 'a dotted key; under modelWindows and prices the rest is the model id')
    .argument('<value>', 'JSON (75, true, null, ["/a"]) or plain text')
    .option(...dataDirOption)
    .action((key: string, value: string, flags: DataDirFlag) => {
      const result = open(flags).set(key, parseCliValue(value));
      if (!result.ok) throw new UsageError(result.issues.map((i) => `${i.key || key}: ${i.message}`).join('\n'), 1);
      const path = keyPath(key) ?? [];
      process.stdout.write(`${key} = ${JSON.stringify(getAt(result.settings, path))}\n`);
    });

  config
    .command('path')
    .description('Print where the settings file is')
    .option(...dataDirOption)
    .action((flags: DataDirFlag) => {
      process.stdout.write(`${open(flags).path}\n`);
    });
}

function open(flags: DataDirFlag): SettingsStore {
  return new SettingsStore(resolveDataDir({ explicit: flags.dataDir }));
}
