// The API-server rules the validator runs by default (src/validator/rules/, merged from the rules branch).
import type { RulesRunner } from './rules-adapter.ts';

export const defaultRules: RulesRunner | undefined = undefined;
