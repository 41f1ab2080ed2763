// La commande `sip` : calc, explain, simulate, verify, cle, signer, programme.
import { ErreurCli, messageErreurInterne } from './erreurs';
import { Commande, Io, IO_PROCESSUS } from './io';

const COMMANDES: Record<string, { resume: string; charger: () => Promise<Commande> }> = {
  calc: { resume: 'évalue une formule : sip calc "=SIP.CAI(1,5)" [--locale en-US] [--explain] [--date JJ/MM/AAAA]', charger: async () => (await import('./commandes/calc')).calc },
  explain: { resume: 'explique une formule, une fonction (sip explain CAI) ou le barème (sip explain --bareme)', charger: async () => (await import('./commandes/explain')).explain },
  simulate: { resume: 'écrit le classeur de simulation : sip simulate scenario.json -o simulation.xlsx', charger: async () => (await import('./commandes/simulate')).simulate },
  verify: { resume: 'vérifie un classeur de simulation : sip verify simulation.xlsx [--confiance ars.pub …] [--json]', charger: async () => (await import('./commandes/verify')).verify },
  cle: { resume: 'crée la clé d’un organisme : sip cle creer --organisme "ARS Bretagne" -o ars (ars.cle privée, ars.pub publique) ; sip cle voir ars.pub', charger: async () => (await import('./commandes/cle')).cle },
  signer: { resume: 'signe un classeur de simulation au nom de l’organisme : sip signer simulation.xlsx --cle ars.cle [-o signe.xlsx]', charger: async () => (await import('./commandes/signer')).signer },
  programme: { resume: 'classe les candidatures SIP de l’année : sip programme candidatures.json|.xlsx --enveloppe 250000 [--partiel] [--max-sites 10] [-o programme.xlsx] [--json]', charger: async () => (await import('./commandes/programme')).programme },
};

/** `sip … | head` : la sortie fermée par le lecteur n'est pas une erreur (pas de trace EPIPE). */
function surveillerSortieFermee(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

function aide(io: Io): void {
  io.out('Usage : sip <commande> [arguments]\n');
  for (const [nom, c] of Object.entries(COMMANDES)) io.out(`  ${nom.padEnd(10)} ${c.resume}`);
}

export async function main(argv: string[], io: Io = IO_PROCESSUS): Promise<number> {
  const [nom, ...reste] = argv;
  if (!nom || nom === '--help' || nom === '-h' || nom === 'aide') {
    aide(io);
    return nom ? 0 : 2;
  }
  const c = COMMANDES[nom];
  if (!c) {
    io.err(`sip : commande inconnue « ${nom} ».`);
    aide(io);
    return 2;
  }
  if (io === IO_PROCESSUS) surveillerSortieFermee();
  try {
    return await (await c.charger())(reste, io);
  } catch (e) {
    // Jamais le message brut de JavaScript : erreur du système traduite, ou ce qui a échoué et comment le signaler.
    for (const ligne of messageErreurInterne(nom, e)) io.err(ligne);
    return e instanceof ErreurCli ? e.code : 2;
  }
}
