/** (being written) */
import { UsageError } from './errors';
/** Not yet implemented. */
export async function runCheck(_args: string[]): Promise<number> {
  throw new UsageError('checkCommand: not implemented yet');
}
