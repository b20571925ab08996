// Worker entry in the monorepo's source mode only (vitest, `node --import tsx`): Node 20 does not
// apply `--import tsx` to worker threads, so this registers tsx in the thread, then loads the
// TypeScript worker. Built packages load dist/inspect-worker.js directly and never read this file.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./inspect-worker.ts');

export default worker.default;
