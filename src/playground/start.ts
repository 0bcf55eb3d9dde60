// The playground's entry: the worker first (early.ts), the editor (main.ts, the larger download) in parallel.
import './early.ts';

void import('./main.ts');
