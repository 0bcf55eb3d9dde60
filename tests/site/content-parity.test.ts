// The project's own pages: every page, section and example exists in both Korean and English (the build checks the
// same thing; this test fails first, with the same file:line messages).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkParity, formatProblem } from '../../src/site/parity.ts';

describe('content/ko and content/en', () => {
  it('have the same pages, sections, examples and chapter numbers', async () => {
    const problems = await checkParity(resolve(import.meta.dirname, '../..'));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
