// The API-server rules the validator runs by default (src/validator/rules/).
import { runRules } from './rules/index.ts';
import type { RulesRunner } from './rules-adapter.ts';

export const defaultRules: RulesRunner = (resources) => runRules(resources);
