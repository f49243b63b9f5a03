/** (being written) */
import { UsageError } from './errors';
/** Not yet implemented. */
export async function runLsp(_args: string[]): Promise<number> {
  throw new UsageError('lspCommand: not implemented yet');
}
