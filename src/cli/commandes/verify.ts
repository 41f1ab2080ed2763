// `sip verify` : pas encore disponible (voir les tickets ouverts).
import { Io } from '../io';

export async function verify(_args: string[], io: Io): Promise<number> {
  io.err('sip verify : commande pas encore disponible dans cette version.');
  return 2;
}
