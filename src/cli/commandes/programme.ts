// `sip programme` : pas encore disponible (voir les tickets ouverts).
import { Io } from '../io';

export async function programme(_args: string[], io: Io): Promise<number> {
  io.err('sip programme : commande pas encore disponible dans cette version.');
  return 2;
}
