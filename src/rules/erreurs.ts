// Erreurs des règles : un code d'erreur Excel (en français) et un message qui nomme l'argument fautif.

export type CodeErreur = '#VALEUR!' | '#NOMBRE!' | '#N/A';

export class ErreurRegle extends Error {
  constructor(
    readonly code: CodeErreur,
    message: string,
    readonly argument?: string,
  ) {
    super(message);
    this.name = 'ErreurRegle';
  }
}

export function estErreurRegle(e: unknown): e is ErreurRegle {
  return e instanceof ErreurRegle;
}
