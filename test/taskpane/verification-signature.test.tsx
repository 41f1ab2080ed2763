/** @jest-environment jsdom */
// Le volet « Vérifier la simulation » (issue 14) : rapport rangé et état de la signature au regard des
// clés de confiance importées une fois (réglages de l'utilisateur), sur le faux hôte Office ; puis le
// composant qui l'affiche. Signatures faites ici avec node:crypto ; vérifiées par WebCrypto (Node).
import * as React from 'react';
import { generateKeyPairSync, sign, webcrypto, createHash } from 'crypto';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { versScenario } from '../../src/taskpane/formulaire';
import { nomFeuillePour } from '../../src/taskpane/nom-feuille';
import { servicesOffice } from '../../src/taskpane/office-classeur';
import { VerificationSimulation } from '../../src/taskpane/composants/VerificationSimulation';
import type { RapportVerification, ServicesClasseur } from '../../src/taskpane/services';
import { lettreColonne } from '../../src/workbook/adresses';
import { lignesSignature, nomFeuilleProvenance } from '../../src/workbook/provenance';
import { versBase64 } from '../../src/workbook/signature/base64';
import { texteClePublique } from '../../src/workbook/signature/cles';
import { controlerClasseur } from '../../src/workbook/signature/controle';
import { FORMAT_CONTENU } from '../../src/workbook/signature/contenu';
import { verificateurWebCrypto, type SubtleMinimal } from '../../src/workbook/signature/ed25519';
import { MagasinCles, stockageMemoire } from '../../src/workbook/signature/magasin';
import { lireClasseurOffice } from '../../src/workbook/verification/classeur.office';
import { installer, type FauxOffice } from '../browser/faux-office';
import { cds, medecin } from './aides';
import { recalculerFeuille } from './recalcul';

beforeAll(() => {
  (globalThis as any).ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
});

const verificateur = verificateurWebCrypto(webcrypto.subtle as unknown as SubtleMinimal);
const scenario = versScenario(cds({ nom: 'CDS de Quimperlé', medecins: [medecin({ libelle: 'Dr Tanguy', poste400: true }), medecin({ libelle: 'Dr Riou', quotite: '0,5' }, 2)] }));
const FEUILLE = nomFeuillePour(scenario);

function organisme(nom: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const cle = new Uint8Array(Buffer.from((privateKey.export({ format: 'jwk' }) as { x: string }).x, 'base64url'));
  const empreinte = createHash('sha256').update(cle).digest('hex');
  return { organisme: nom, cle, empreinte, pub: texteClePublique({ organisme: nom, cle, empreinte }), signer: (t: string) => sign(null, Buffer.from(t, 'utf8'), privateKey).toString('base64') };
}
const courte = (e: string) => e.slice(0, 16).match(/.{4}/g)!.join(' ');

/** Le recalcul d'Excel : toutes les formules de la feuille évaluées par le moteur sans tableur. */
function calculer(faux: FauxOffice, nom: string) {
  recalculerFeuille(faux, nom, scenario.simulation.debut);
}

/** Signe la simulation active comme le ferait `sip signer` : contenu lu, signé, posé dans la provenance. */
async function signer(faux: FauxOffice, o: ReturnType<typeof organisme>) {
  const c = await Excel.run((context) => lireClasseurOffice(context));
  const [s] = await controlerClasseur(c!, { baremeCourant: BAREME_PAR_DEFAUT, confiance: [], verificateur });
  const texte = JSON.stringify({ format: FORMAT_CONTENU, version: 1, signataire: { organisme: o.organisme, cle: o.empreinte }, signeLe: '2026-11-24T09:00:00.000Z', ...s.contenu });
  const sig = { organisme: o.organisme, cle: o.empreinte, clePublique: versBase64(o.cle), signature: o.signer(texte), contenu: texte };
  lignesSignature(sig).forEach(([cle, valeurs], i) => {
    faux.ecrireUtilisateur(nomFeuilleProvenance(FEUILLE), `A${21 + i}`, cle);
    valeurs.forEach((v, k) => faux.ecrireUtilisateur(nomFeuilleProvenance(FEUILLE), `${lettreColonne(2 + k)}${21 + i}`, v));
  });
}

describe('services du volet : vérification et signature', () => {
  let faux: FauxOffice;
  const ars = organisme('ARS Bretagne');
  const cpam = organisme('CPAM du Finistère');
  beforeEach(() => {
    faux = installer(window);
  });

  it('non signée, puis signée par l’ARS : non prouvé sans clé, accepté une fois sa clé importée, refusé après une modification', async () => {
    const magasin = new MagasinCles(stockageMemoire());
    const services = servicesOffice(BAREME_PAR_DEFAUT, { magasin, verificateur });
    await services.creerSimulation(scenario, { remplacer: false });
    calculer(faux, FEUILLE);
    let r = await services.verifier!();
    expect(r.ok).toBe(true);
    expect(r.sections).toEqual([]);
    expect(r.signature).toMatchObject({ statut: 'absente', acceptee: false, titre: 'Simulation non signée' });

    await signer(faux, ars);
    r = await services.verifier!();
    expect(r.signature).toMatchObject({ statut: 'intacte', acceptee: false, titre: `Signée par ARS Bretagne selon le classeur (clé ${courte(ars.empreinte)}), non prouvé` });

    expect(() => services.clesConfiance!.importer('{}', 'notes.pub')).toThrow('notes.pub n’est pas un fichier de clé du simulateur SIP (fichier .pub ou .cle créé par « sip cle creer » attendu)');
    expect(services.clesConfiance!.importer(cpam.pub, 'cpam.pub')).toEqual({ organisme: 'CPAM du Finistère', empreinte: cpam.empreinte, empreinteCourte: courte(cpam.empreinte) });
    r = await services.verifier!();
    expect(r.signature).toMatchObject({ statut: 'cle_inconnue', titre: 'Signature non acceptée' });
    expect(r.ok).toBe(false);

    services.clesConfiance!.importer(ars.pub, 'ars.pub');
    expect(services.clesConfiance!.lister().map((c) => c.organisme)).toEqual(['CPAM du Finistère', 'ARS Bretagne']);
    r = await services.verifier!();
    expect(r.signature).toMatchObject({ statut: 'intacte', acceptee: true, titre: `Signée par ARS Bretagne (clé ${courte(ars.empreinte)}), intacte` });
    expect(r.ok).toBe(true);

    // Dr Riou à mi-temps (0,5) passe à 0,7 dans la feuille : donnée d'entrée (attendu), mais plus ce qui a été signé.
    const quotite = Object.entries(faux.feuille(FEUILLE).cellules).find(([a, c]) => a.startsWith('B') && c.valeur === 0.5)![0];
    faux.ecrireUtilisateur(FEUILLE, quotite, 0.7);
    calculer(faux, FEUILLE);
    r = await services.verifier!();
    expect(r.signature).toMatchObject({ statut: 'modifiee', acceptee: false, titre: 'Modifiée depuis la signature de ARS Bretagne', details: [`${quotite} : 0,5 → 0,7`, expect.stringMatching(/^\d+ valeurs calculées par des formules inchangées ont changé en conséquence$/)] });
    expect(r.sections?.map((x) => [x.nature, x.titre])).toEqual([['attendu', 'Données d’entrée modifiées']]);
    expect(r.ok).toBe(false);

    services.clesConfiance!.retirer(cpam.empreinte);
    expect(services.clesConfiance!.lister().map((c) => c.organisme)).toEqual(['ARS Bretagne']);
  });

  it('moteur sans Ed25519 : dit en français, la vérification des cellules continue', async () => {
    const services = servicesOffice(BAREME_PAR_DEFAUT, { magasin: new MagasinCles(stockageMemoire()), verificateur: verificateurWebCrypto(null) });
    await services.creerSimulation(scenario, { remplacer: false });
    calculer(faux, FEUILLE);
    await signer(faux, ars);
    const r = await services.verifier!();
    expect(r.signature).toMatchObject({ statut: 'non_verifiable', titre: 'Signature non vérifiable dans ce volet' });
    expect(r.signature?.texte).toMatch(/Ce moteur ne sait pas vérifier les signatures Ed25519 .*sip verify classeur\.xlsx --confiance organisme\.pub/);
    expect(r.resume).toMatch(/^Feuille « .* » : (\d+) sur \1 formules conformes\.$/);
  });

  it('feuille ajoutée qui cite la simulation : nommée dans le rapport', async () => {
    const services = servicesOffice(BAREME_PAR_DEFAUT, { magasin: new MagasinCles(stockageMemoire()), verificateur });
    await services.creerSimulation(scenario, { remplacer: false });
    calculer(faux, FEUILLE);
    faux.ajouterFeuille('Synthèse');
    faux.ecrireUtilisateur('Synthèse', 'B2', `='${FEUILLE}'!B8*2`);
    await Excel.run(async (context) => context.workbook.worksheets.getItem(FEUILLE).activate());
    const r = await services.verifier!();
    expect(r.ok).toBe(false);
    expect(r.sections).toEqual([
      { nature: 'alerte', titre: 'Formules d’autres feuilles qui citent la simulation (non vérifiées)', lignes: [`Synthèse!B2 : ='${FEUILLE}'!B8*2 (B8)`] },
      { nature: 'info', titre: 'Autres feuilles du classeur (ni vérifiées, ni signées)', lignes: ['Synthèse'] },
    ]);
  });
});

describe('composant « Vérifier la simulation »', () => {
  const rapport: RapportVerification = {
    ok: false,
    resume: 'Feuille « Simulation » : 660 sur 660 formules conformes ; 1 donnée d’entrée modifiée(s).',
    details: ['B26 : donnée d’entrée modifiée'],
    sections: [{ nature: 'attendu', titre: 'Données d’entrée modifiées', lignes: ['B26 : donnée d’entrée sim_med3_quotite modifiée dans la feuille : 0,8 au lieu de 0,6'] }],
    signature: { statut: 'modifiee', acceptee: false, titre: 'Modifiée depuis la signature de ARS Bretagne', texte: '1 changement depuis la signature (signé → maintenant) :', details: ['B26 : 0,6 → 0,8'] },
  };
  function services(): ServicesClasseur & { cles: string[] } {
    const cles: string[] = [];
    return {
      cles,
      nomFeuille: () => 'Simulation',
      feuilleExiste: async () => true,
      creerSimulation: async () => ({ feuille: 'Simulation' }),
      lireScenario: async () => null,
      verifier: async () => rapport,
      clesConfiance: {
        lister: () => cles.map((c) => ({ organisme: c, empreinte: c, empreinteCourte: '3f2a 91c0 5b7e 0d12' })),
        importer: (texte, fichier) => {
          if (!texte.includes('sip-cle-publique')) throw new Error(`${fichier} n’est pas un fichier de clé du simulateur SIP`);
          cles.push('ARS Bretagne');
          return { organisme: 'ARS Bretagne', empreinte: 'x', empreinteCourte: '3f2a 91c0 5b7e 0d12' };
        },
        retirer: (e) => void cles.splice(cles.indexOf(e), 1),
      },
    };
  }

  it('affiche le rapport rangé et la signature ; importe et retire une clé de confiance', async () => {
    const s = services();
    render(<FluentProvider theme={webLightTheme}><VerificationSimulation services={s} /></FluentProvider>);
    expect(screen.getByText('Aucune clé importée.')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Vérifier la simulation' })));
    expect(screen.getByText('Écarts trouvés')).toBeTruthy();
    expect(screen.getByText('Données d’entrée modifiées')).toBeTruthy();
    expect(screen.getByText('Modifiée depuis la signature de ARS Bretagne')).toBeTruthy();
    expect(screen.getByText('B26 : 0,6 → 0,8')).toBeTruthy();

    const entree = screen.getByLabelText('Fichier de clé publique') as HTMLInputElement;
    await act(async () => fireEvent.change(entree, { target: { files: [new File(['bonjour'], 'notes.pub')] } }));
    await waitFor(() => expect(screen.getByText('notes.pub n’est pas un fichier de clé du simulateur SIP')).toBeTruthy());
    await act(async () => fireEvent.change(entree, { target: { files: [new File(['{"type":"sip-cle-publique"}'], 'ars.pub')] } }));
    await waitFor(() => expect(screen.getByText('Clé de ARS Bretagne importée (empreinte 3f2a 91c0 5b7e 0d12) : confirmez-la de vive voix avec l’organisme.')).toBeTruthy());
    expect(screen.getByText('3f2a 91c0 5b7e 0d12')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retirer' })));
    expect(screen.getByText('Aucune clé importée.')).toBeTruthy();
  });
});
