// Fails (exit 1) when a page, a section, an example reference or a diagram exists in one language only, or a
// diagram in diagrams/ cannot be drawn in every language.
// Usage: node scripts/check-parity.ts [project root]
import { checkDiagrams } from '../src/site/diagrams.ts';
import { checkParity, formatProblem } from '../src/site/parity.ts';

const root = process.argv[2] ?? process.cwd();
const problems = [...(await checkParity(root)).map(formatProblem), ...(await checkDiagrams(root))];
for (const problem of problems) console.error(problem);
if (problems.length) {
  console.error(`\n${problems.length} parity problem(s) between the Korean and English editions.`);
  process.exit(1);
}
console.log('Korean and English editions match: same pages, sections, examples and diagrams; every diagram draws in both.');
