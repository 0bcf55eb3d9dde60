// Fails (exit 1) when a page, a section or an example reference exists in one language only.
// Usage: node scripts/check-parity.ts [project root]
import { checkParity, formatProblem } from '../src/site/parity.ts';

const root = process.argv[2] ?? process.cwd();
const problems = await checkParity(root);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length) {
  console.error(`\n${problems.length} parity problem(s) between the Korean and English editions.`);
  process.exit(1);
}
console.log('Korean and English editions match: same pages, sections and examples.');
