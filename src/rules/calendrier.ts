// Calendrier du plan : mois de l'horizon (à partir du premier jour de la simulation), rattachement
// d'une date à un mois, jours de recouvrement d'un congé avec un mois.
import { ajouterMois, isoVersSerie } from './dates';

const MOIS_COURTS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

export class Calendrier {
  /** bornes[m] = premier jour du mois m de l'horizon ; bornes[nbMois] = lendemain du dernier jour. */
  readonly bornes: string[];

  constructor(
    readonly debut: string,
    readonly nbMois: number,
  ) {
    this.bornes = Array.from({ length: nbMois + 1 }, (_, m) => ajouterMois(debut, m));
  }

  /** Index du mois de l'horizon contenant la date ; négatif avant le début, ≥ nbMois après la fin. */
  indexMois(date: string): number {
    if (date < this.debut) {
      let k = -1;
      while (ajouterMois(this.debut, k) > date) k -= 1;
      return k;
    }
    let m = 0;
    while (m < this.nbMois && this.bornes[m + 1] <= date) m += 1;
    if (m === this.nbMois) {
      // Au-delà de l'horizon : on continue de compter (COSCO, ACI…).
      let k = this.nbMois;
      while (ajouterMois(this.debut, k + 1) <= date) k += 1;
      return k;
    }
    return m;
  }

  joursDuMois(m: number): number {
    return isoVersSerie(this.bornes[m + 1]) - isoVersSerie(this.bornes[m]);
  }

  /** Jours du mois m compris dans l'intervalle [du ; au] (bornes incluses). */
  joursCommuns(m: number, du: string, au: string): number {
    const a = Math.max(isoVersSerie(this.bornes[m]), isoVersSerie(du));
    const b = Math.min(isoVersSerie(this.bornes[m + 1]) - 1, isoVersSerie(au));
    return Math.max(0, b - a + 1);
  }

  libelleMois(m: number): string {
    const [a, mo] = this.bornes[m].split('-').map(Number);
    return `${MOIS_COURTS[mo - 1]} ${a}`;
  }
}

/** Veille d'une date AAAA-MM-JJ. */
export function veille(iso: string): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) - 1));
  return d.toISOString().slice(0, 10);
}

/** Dernier jour du mois `mois` (1–12) de l'année `annee`. */
export function finDeMois(annee: number, mois: number): string {
  const d = new Date(Date.UTC(annee, mois, 0));
  return d.toISOString().slice(0, 10);
}

export function joursEntre(du: string, au: string): number {
  return isoVersSerie(au) - isoVersSerie(du);
}
