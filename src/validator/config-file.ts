// The command line's side of rule control (Node-only: it reads the project config file). The file gives the
// defaults, flags override them; rule lists are layered (config.ts, rule-control.ts say how).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, configAsFlags, parseConfig, type ProjectConfig } from './config.ts';
import { msg } from './messages.ts';
import { layerRuleLists, RuleControlError, unknownRuleMessage } from './rule-control.ts';
import type { Lang } from './types.ts';

type Flags = Map<string, string | boolean | string[]>;

/** The config file named by -config, else the one in `cwd` (undefined when there is none). */
function findConfig(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return explicit;
  const present = CONFIG_FILE_NAMES.filter((name) => existsSync(join(cwd, name)));
  if (present.length > 1) throw new ConfigError(present[1]!, { line: 1, col: 1 }, msg.configBothFiles(present[0]!, present[1]!));
  return present[0];
}

function readConfig(cwd: string, explicit: string | undefined): ProjectConfig {
  const file = findConfig(cwd, explicit);
  if (file === undefined) return {};
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new Error(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseConfig(text, file);
}

const ruleNames = (value: string | boolean | string[] | undefined) =>
  (Array.isArray(value) ? value : []).flatMap((item) => item.split(',')).map((name) => name.trim()).filter(Boolean);

/**
 * Reads the project config into `flags` (as defaults for the flags not given) and returns the rule lists, the
 * file's layered under the flags'. Throws ConfigError, RuleControlError (an unknown id in a flag) or Error.
 */
export function applyProjectConfig(flags: Flags, cwd: string): { disableRules: string[]; enableRules: string[] } {
  const config = readConfig(cwd, flags.get('config') as string | undefined);
  const given = { disable: ruleNames(flags.get('disable-rule')), enable: ruleNames(flags.get('enable-rule')) };
  for (const [flag, names] of [['disable-rule', given.disable], ['enable-rule', given.enable]] as const) {
    for (const name of names) {
      const unknown = unknownRuleMessage(name);
      if (unknown) throw new RuleControlError({ en: `-${flag}: ${unknown.en}`, ko: `-${flag}: ${unknown.ko}` });
    }
  }
  for (const [flag, value] of configAsFlags(config)) {
    // A configured version is the default of -kubernetes-version; a matrix asked for on the command line replaces it.
    if (flag === 'kubernetes-version' && flags.has('kubernetes-versions')) continue;
    if (!flags.has(flag)) flags.set(flag, value);
  }
  const layered = layerRuleLists({ disable: config.disableRules, enable: config.enableRules }, given);
  return { disableRules: layered.disable, enableRules: layered.enable };
}

/** A rule-control or config error as the command line prints it. */
export function controlErrorText(error: unknown, lang: Lang): string | undefined {
  if (error instanceof ConfigError) return error.localized(lang);
  if (error instanceof RuleControlError) return error.messages[lang];
  return undefined;
}
