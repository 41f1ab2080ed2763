// Le grand livre en JSON (`sip simulate … --json`) : les totaux par financeur et par année, puis chaque
// versement avec sa règle et les paramètres du barème qu'il a lus. Nombres en euros (au centime).
import type { Statut } from '../bareme/types';
import { statutGlobal } from '../explication';
import type { GrandLivre, Versement } from './types';
import { totaux, type TotalFinanceur } from './vues';

export interface VersementJson {
  id: string;
  aide: string;
  financeur: string;
  medecin?: number;
  objet: string;
  du: string;
  au: string;
  date: string;
  annee: number;
  montant: number;
  regle: { id: string; libelle: string };
  statut: Statut;
  parametres: { id: string; valeur: string | null; du: string; au: string | null; statut: Statut; source: { document: string; section: string } }[];
}

export interface LivreJson {
  totaux: Record<'ARS' | 'CPAM' | 'AIDES', { annees: number[]; total: number }>;
  versements: VersementJson[];
}

const euros = (t: TotalFinanceur) => ({ annees: t.annees.map((x) => x.toNumber()), total: t.total.toNumber() });

export function versementJson(v: Versement): VersementJson {
  const e = v.resultat.explication;
  return {
    id: v.id,
    aide: v.aide,
    financeur: v.financeur,
    ...(v.medecin !== undefined ? { medecin: v.medecin + 1 } : {}),
    objet: v.objet,
    du: v.du,
    au: v.au,
    date: v.date,
    annee: v.annee + 1,
    montant: v.montant.toNumber(),
    regle: { id: e.regle.id, libelle: e.regle.libelle },
    statut: statutGlobal(e),
    parametres: e.parametres.map((p) => ({ id: p.id, valeur: p.valeur, du: p.du, au: p.au, statut: p.statut, source: p.source })),
  };
}

export function livreJson(livre: GrandLivre): LivreJson {
  const t = totaux(livre);
  return { totaux: { ARS: euros(t.ARS), CPAM: euros(t.CPAM), AIDES: euros(t.AIDES) }, versements: livre.versements.map(versementJson) };
}
