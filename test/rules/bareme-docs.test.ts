// Les pages générées depuis les fichiers du barème sont à jour : docs/bareme.md et la section
// « Bibliographie » du README (`npm run docs` les régénère).
import * as fs from 'fs';
import * as path from 'path';
import {
  bibliographieMarkdown, MARQUE_BIBLIOGRAPHIE_DEBUT, MARQUE_BIBLIOGRAPHIE_FIN, pageBaremeMarkdown, remplacerBibliographie,
} from '../../src/rules/bareme/documentation';
import { BAREME_PAR_DEFAUT } from '../../src/rules/bareme/donnees';
import { BIBLIOGRAPHIE } from '../../src/rules/sources';
import { pageAide } from '../../src/functions/metadonnees';

const RACINE = path.join(__dirname, '..', '..');
const lire = (f: string) => fs.readFileSync(path.join(RACINE, f), 'utf8');

describe('pages générées depuis les données du barème', () => {
  test('docs/bareme.md est à jour (sinon : npm run docs)', () => {
    expect(lire('docs/bareme.md')).toBe(pageBaremeMarkdown());
  });

  test('la bibliographie du README est à jour (sinon : npm run docs)', () => {
    const readme = lire('README.md');
    const debut = readme.indexOf(MARQUE_BIBLIOGRAPHIE_DEBUT);
    const fin = readme.indexOf(MARQUE_BIBLIOGRAPHIE_FIN);
    expect(debut).toBeGreaterThan(0);
    expect(readme.slice(debut + MARQUE_BIBLIOGRAPHIE_DEBUT.length, fin).trim()).toBe(bibliographieMarkdown().trim());
    expect(remplacerBibliographie(readme)).toBe(readme);
  });

  test('la page liste chaque valeur datée de chaque paramètre, et chaque entrée de la bibliographie avec son ancre', () => {
    const page = pageBaremeMarkdown();
    const lignes = page.split('\n');
    for (const p of BAREME_PAR_DEFAUT.parametres) {
      expect([p.id, lignes.filter((l) => l.startsWith(`| \`${p.id}\` `)).length]).toEqual([p.id, p.valeurs.length]);
    }
    for (const s of BIBLIOGRAPHIE) expect(page).toContain(`<a id="source-${s.id.replace(/_/g, '-')}"></a>**${s.titreCourt}**`);
    expect(page).toContain('| `postes400.plafond_mensuel_temps_plein` 400 postes : coût salarial maximal garanti, temps plein | 9 070 | €/mois | 06/02/2019 | — | confirmé | [Politique régionale des centres de santé, ARS Bretagne, §2.2 400 postes');
    expect(page).toContain('| `tarif.consultation_g` Tarif de la consultation G (secteur 1) | 26,5 | € | 01/11/2023 | 21/12/2024 | à confirmer |');
    expect(page).toContain('| `cds.aide_automatique.infirmier.zac` Aide démographique automatique (accord national 2025) : montant par ETP éligible, centre infirmier en ZAC | non publié |');
  });

  test('aide.html : une section « Barème » (chaque valeur datée) et la bibliographie avec ses liens', () => {
    const aide = pageAide();
    const bareme = aide.slice(aide.indexOf('<section id="bareme">'), aide.indexOf('<section id="bibliographie">'));
    const valeurs = BAREME_PAR_DEFAUT.parametres.reduce((n, p) => n + p.valeurs.length, 0);
    expect((bareme.match(/<tr><td><code>/g) ?? []).length).toBe(valeurs);
    expect(bareme).toContain('<tr><td><code>cai.plafond</code><br>CAI : montant maximal</td><td>80 000</td><td>€</td><td>20/10/2018</td><td>—</td><td>confirmé</td><td><a href="#source-politique-cds-bretagne">Politique régionale des centres de santé, ARS Bretagne, §2.1 Contrat d’aide à l’installation (CAI) : « soit jusqu’à 80 000 euros »</a></td></tr>');
    for (const s of BIBLIOGRAPHIE) expect(aide).toContain(`<li id="source-${s.id.replace(/_/g, '-')}"><strong>${s.titreCourt.replace(/&/g, '&amp;')}</strong>`);
    expect(aide).toContain('<a href="https://femasif.fr/article-boiteaoutil/beneficier-de-remuneration-dans-le-cadre-de-laci" rel="noopener noreferrer">');
    // Les pages des fonctions restent en tête, inchangées dans leur forme.
    expect(aide.indexOf('<section id="SIP_PLAFOND">')).toBeLessThan(aide.indexOf('<section id="bareme">'));
  });
});
