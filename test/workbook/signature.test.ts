// Signature d'un classeur par un organisme (issue 14, point 2), sans CLI : clés (formats, refus en
// français), contenu couvert calculé depuis le classeur lu, vérification Ed25519 par WebCrypto.
// Les signatures de ces tests sont faites directement avec node:crypto.
import { generateKeyPairSync, sign, webcrypto } from 'crypto';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { lireClasseur, type ClasseurLu } from '../../src/workbook/exceljs/lire';
import { genererSimulation } from '../../src/workbook/exceljs/simulation';
import type { SignatureClasseur } from '../../src/workbook/provenance';
import { depuisBase64, versBase64 } from '../../src/workbook/signature/base64';
import { empreinteCourte, lireClePrivee, lireClePublique, texteClePrivee, texteClePublique, type ClePrivee, type ClePublique } from '../../src/workbook/signature/cles';
import { annexesSignees } from '../../src/workbook/signature/controle';
import { contenuDuClasseur, FORMAT_CONTENU, type ContenuClasseur } from '../../src/workbook/signature/contenu';
import { Ed25519NonDisponible, verificateurWebCrypto, type SubtleMinimal } from '../../src/workbook/signature/ed25519';
import { verifierSignature } from '../../src/workbook/signature/verification';
import { sha256 } from '../../src/workbook/empreinte';
import { DATE_GENERATION, exemple } from './aides';
import { VERSION_COMPLEMENT } from '../../src/workbook/version';

const verificateur = verificateurWebCrypto(webcrypto.subtle as unknown as SubtleMinimal);

function cle(organisme: string): ClePrivee & { signer: (t: string) => string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { d: string; x: string };
  const brute = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  return {
    organisme,
    cle: brute,
    empreinte: sha256Hex(brute),
    graine: new Uint8Array(Buffer.from(jwk.d, 'base64url')),
    signer: (t: string) => sign(null, Buffer.from(t, 'utf8'), privateKey).toString('base64'),
  };
}
// SHA-256 des 32 octets de la clé, calculé par node:crypto (indépendant du code testé).
const sha256Hex = (b: Uint8Array) => require('crypto').createHash('sha256').update(b).digest('hex') as string;

let lu: ClasseurLu;
let ars: ReturnType<typeof cle>;
let cpam: ReturnType<typeof cle>;
beforeAll(async () => {
  const g = await genererSimulation(exemple('centre-de-sante'), BAREME_PAR_DEFAUT, { dateGeneration: DATE_GENERATION });
  lu = await lireClasseur(g.fichier);
  ars = cle('ARS Bretagne');
  cpam = cle('CPAM Finistère');
});

const contenu = (cellules = lu.simulations[0].cellules): ContenuClasseur => {
  const s = lu.simulations[0];
  return contenuDuClasseur(s.provenance, cellules, s.provenance.plage as string, annexesSignees(lu.autres));
};

function signature(k: ReturnType<typeof cle>, c: ContenuClasseur, organisme = k.organisme): SignatureClasseur {
  const texte = JSON.stringify({ format: FORMAT_CONTENU, version: 1, signataire: { organisme, cle: k.empreinte }, signeLe: '2026-11-24T09:00:00.000Z', ...c });
  return { organisme, cle: k.empreinte, clePublique: versBase64(k.cle), signature: k.signer(texte), contenu: texte };
}
const publique = (k: ClePrivee): ClePublique => ({ organisme: k.organisme, cle: k.cle, empreinte: k.empreinte });

describe('base64 et empreinte', () => {
  test('base64 identique à Buffer, refus des textes qui n’en sont pas', () => {
    for (let n = 0; n < 70; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(versBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(Buffer.from(depuisBase64(versBase64(b)) as Uint8Array).equals(Buffer.from(b))).toBe(true);
    }
    expect([depuisBase64('abc'), depuisBase64('ab$='), depuisBase64('a=bc')]).toEqual([null, null, null]);
  });
  test('empreinte courte : les 16 premiers chiffres hexadécimaux par groupes de 4', () => {
    expect(empreinteCourte('3f2a91c05b7e0d12ffff')).toBe('3f2a 91c0 5b7e 0d12');
  });
});

describe('fichiers de clé', () => {
  test('aller-retour .pub et .cle ; organisme, empreinte (SHA-256 des 32 octets)', () => {
    const pub = lireClePublique(texteClePublique({ ...publique(ars), creeeLe: '2026-11-24' }), 'ars.pub');
    expect(pub).toMatchObject({ organisme: 'ARS Bretagne', empreinte: ars.empreinte, creeeLe: '2026-11-24' });
    expect(JSON.parse(texteClePublique(publique(ars)))).toEqual({ type: 'sip-cle-publique', version: 1, organisme: 'ARS Bretagne', algorithme: 'Ed25519', cle: Buffer.from(ars.cle).toString('base64'), empreinte: ars.empreinte });
    expect(texteClePublique(publique(ars))).not.toContain('cle_privee');
    const priv = lireClePrivee(texteClePrivee(ars), 'ars.cle');
    expect(Buffer.from(priv.graine).equals(Buffer.from(ars.graine))).toBe(true);
  });
  test('refus en français qui nomment le fichier', () => {
    const pub = texteClePublique(publique(ars));
    const priv = texteClePrivee(ars);
    const refus = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepté';
    };
    expect(refus(() => lireClePublique('bonjour', 'x.pub'))).toBe('x.pub n’est pas un fichier de clé du simulateur SIP (fichier .pub ou .cle créé par « sip cle creer » attendu)');
    expect(refus(() => lireClePublique(priv, 'ars.cle'))).toBe('ars.cle est une clé PRIVÉE : pour vérifier, utilisez la clé publique (fichier .pub) ; une clé privée ne doit jamais être transmise');
    expect(refus(() => lireClePrivee(pub, 'ars.pub'))).toBe('ars.pub est une clé publique : pour signer, il faut la clé privée de l’organisme (fichier .cle créé avec elle)');
    expect(refus(() => lireClePublique(pub.replace(ars.empreinte, cpam.empreinte), 'ars.pub'))).toBe('ars.pub : l’empreinte inscrite ne correspond pas à la clé (fichier modifié ?) ; demandez-en une nouvelle copie à ARS Bretagne');
    expect(refus(() => lireClePublique(pub.replace('Ed25519', 'RSA'), 'ars.pub'))).toBe('ars.pub : algorithme « RSA » inconnu (Ed25519 attendu)');
    expect(refus(() => lireClePublique(pub.replace(/"cle": "[^"]+"/, '"cle": "AAAA"'), 'ars.pub'))).toBe('ars.pub : champ « cle » illisible (clé Ed25519 de 32 octets en base64 attendue) : fichier abîmé ou modifié');
    expect(refus(() => lireClePublique(pub.replace('ARS Bretagne', 'ARS\\u0007Bretagne'), 'ars.pub'))).toBe('ars.pub : nom d’organisme refusé (caractère de contrôle U+0007 en position 4)');
  });
});

describe('vérification de la signature', () => {
  test('signée par une clé de confiance, classeur inchangé : « signé par ARS Bretagne (clé …), intact »', async () => {
    const e = await verifierSignature(signature(ars, contenu()), contenu(), [publique(cpam), publique(ars)], verificateur);
    expect(e).toMatchObject({ statut: 'intacte', organismeConfiance: 'ARS Bretagne', differences: [], signeLe: '2026-11-24T09:00:00.000Z' });
    expect(e.message).toBe(`signé par ARS Bretagne (clé ${empreinteCourte(ars.empreinte)}), intact`);
  });

  test('sans clé de confiance : signature cohérente, mais l’organisme n’est pas prouvé', async () => {
    const e = await verifierSignature(signature(ars, contenu()), contenu(), [], verificateur);
    expect(e.statut).toBe('intacte');
    expect(e.organismeConfiance).toBeUndefined();
    expect(e.message).toMatch(/selon le classeur .* rien ne prouve que cette clé est celle de ARS Bretagne$/);
  });

  test('classeur modifié après la signature : chaque changement, signé → maintenant', async () => {
    const s = lu.simulations[0];
    const quotite = s.cellules.find((c) => c.valeur === 0.6 && c.adresse.startsWith('B'))!;
    const apres = s.cellules.map((c) => (c === quotite ? { ...c, valeur: 0.8 } : c.adresse === 'B8' ? { ...c, format: '"250 000,00 €"' } : c));
    const e = await verifierSignature(signature(ars, contenu()), contenu(apres), [publique(ars)], verificateur);
    expect(e.statut).toBe('modifiee');
    expect(e.differences).toEqual([expect.stringMatching(/^B8 : =E77 \(.*\) → =E77 \(.*\) \(format #,##0.00" €" → "250 000,00 €"\)$/), `${quotite.adresse} : 0,6 → 0,8`]);
    expect(e.message).toBe(`signé par ARS Bretagne (clé ${empreinteCourte(ars.empreinte)}), modifié depuis la signature (2 différences)`);
  });

  test('ré-enregistrement honnête (booléens en formule, #N/A devenu #NOM?, fonctions en minuscules) : intact', async () => {
    const s = lu.simulations[0];
    const honnete = s.cellules.map((c) => {
      if (typeof c.valeur === 'boolean' && !c.formule) return { ...c, formule: c.valeur ? '=TRUE()' : '=FALSE()' };
      if (c.formule && typeof c.valeur === 'object' && c.valeur !== null) return { ...c, formule: c.formule.replace(/_xldudf_SIP_[A-Z0-9_]+/g, (m) => m.toLowerCase()), valeur: { erreur: '#NAME?' } };
      return c;
    });
    expect(honnete.filter((c) => c.formule === '=TRUE()').length).toBeGreaterThan(3);
    expect(honnete.filter((c) => (c.valeur as { erreur?: string })?.erreur === '#NAME?').length).toBeGreaterThan(0);
    expect((await verifierSignature(signature(ars, contenu()), contenu(honnete), [publique(ars)], verificateur)).statut).toBe('intacte');
  });

  test('re-signé par une autre clé qui se dit « ARS Bretagne » : non accepté, on dit qui prétend signer', async () => {
    const e = await verifierSignature(signature(cpam, contenu(), 'ARS Bretagne'), contenu(), [publique(ars)], verificateur);
    expect(e.statut).toBe('cle_inconnue');
    expect(e.message).toBe(`signé avec une clé qui n’est pas dans vos clés de confiance : le classeur se dit signé par ARS Bretagne (clé ${empreinteCourte(cpam.empreinte)}), mais vos clés de confiance sont : ARS Bretagne : clé ${empreinteCourte(ars.empreinte)} ; signature NON ACCEPTÉE`);
  });

  test('contenu signé retouché, signature d’une autre clé, clé annoncée fausse : signature invalide', async () => {
    const sig = signature(ars, contenu());
    const retouche = { ...sig, contenu: sig.contenu.replace('"2026-11-24T09:00:00.000Z"', '"2026-11-25T09:00:00.000Z"') };
    expect((await verifierSignature(retouche, contenu(), [publique(ars)], verificateur)).message).toBe('signature INVALIDE : la signature ne correspond pas au contenu signé (l’un ou l’autre a été retouché, ou recopié d’un autre classeur) ; le classeur se dit signé par ARS Bretagne, rien ne le prouve');
    const autre = { ...sig, signature: signature(cpam, contenu()).signature };
    expect((await verifierSignature(autre, contenu(), [publique(ars)], verificateur)).statut).toBe('invalide');
    const annoncee = { ...sig, cle: cpam.empreinte };
    expect((await verifierSignature(annoncee, contenu(), [publique(ars)], verificateur)).message).toMatch(/^signature INVALIDE : la clé annoncée ne correspond pas à la clé qui a signé/);
    expect((await verifierSignature({ ...sig, contenu: '{' }, contenu(), [], verificateur)).statut).toBe('invalide');
  });

  test('classeur non signé ; moteur sans Ed25519 : dit en français, jamais pris pour une signature fausse', async () => {
    expect(await verifierSignature(undefined, contenu(), [publique(ars)], verificateur)).toMatchObject({ statut: 'absente', message: 'classeur non signé' });
    const sansEd25519: SubtleMinimal = {
      importKey: () => Promise.reject(Object.assign(new Error('Unrecognized name'), { name: 'NotSupportedError' })),
      verify: () => Promise.resolve(false),
    };
    const e = await verifierSignature(signature(ars, contenu()), contenu(), [publique(ars)], verificateurWebCrypto(sansEd25519));
    expect(e.statut).toBe('non_verifiable');
    expect(e.message).toBe(`signature de ARS Bretagne non vérifiée : ${new Ed25519NonDisponible().message}`);
    await expect(verificateurWebCrypto(null)(ars.cle, new Uint8Array(1), new Uint8Array(64))).rejects.toThrow(/^Ce moteur ne sait pas vérifier les signatures Ed25519 \(WebCrypto\)/);
  });

  test('le contenu couvre la provenance : date, version, scénario et barème embarqués (SHA-256)', () => {
    const c = contenu();
    const p = lu.simulations[0].provenance;
    expect(c.simulation).toMatchObject({ feuille: 'Simulation', dateGeneration: DATE_GENERATION, versionComplement: VERSION_COMPLEMENT, empreinte: p.empreinte });
    expect(c.simulation.scenario).toBe(sha256Hex(Buffer.from(require('../../src/workbook/empreinte').jsonCanonique(p.scenario), 'utf8')));
    expect(c.annexes.map((a) => a.feuille)).toEqual(['Barème']);
    expect(c.cellules.length).toBeGreaterThan(1000);
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
