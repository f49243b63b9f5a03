/** (being written) */
import { UsageError } from './errors';
/** Not yet implemented. */
export async function runFactsCheck(_args: string[]): Promise<number> {
  throw new UsageError('factsCheckCommand: not implemented yet');
}
