// `sip simulate` : pas encore disponible (voir les tickets ouverts).
import { Io } from '../io';

export async function simulate(_args: string[], io: Io): Promise<number> {
  io.err('sip simulate : commande pas encore disponible dans cette version.');
  return 2;
}
