import type { Random } from "../lib/prng";

/** The fixed shape of the bench organisation; sizes scale the number of officers. */
export const COUNTRIES = ["MX", "GT", "HN", "SV", "CR", "PA", "DO", "BZ"] as const;

const INSTITUTION_KINDS = [
  ["Instituto de Migración", "IM"],
  ["Sistema de Protección de la Niñez", "SPN"],
  ["Procuraduría de Derechos Humanos", "PDH"],
  ["Policía de Fronteras", "PF"],
  ["Comisión de Ayuda a Refugiados", "CAR"],
] as const;

const GIVEN = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fernando", "Gabriela", "Héctor", "Irene", "Jorge", "Karla", "Luis", "María", "Nicolás", "Olga", "Pablo", "Rosa", "Sergio", "Teresa", "Víctor"];
const FAMILY = ["García", "Hernández", "López", "Martínez", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vásquez", "Reyes", "Castillo", "Ortiz"];

export interface Institution {
  id: string;
  countryCode: string;
  name: string;
  shortName: string;
}

export interface Cohort {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  courses: string[];
}

export function institutions(random: Random, count: number): Institution[] {
  return Array.from({ length: count }, (_, i) => {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const [name, short] = INSTITUTION_KINDS[Math.floor(i / COUNTRIES.length) % INSTITUTION_KINDS.length]!;
    const round = Math.floor(i / (COUNTRIES.length * INSTITUTION_KINDS.length));
    const suffix = round ? ` ${round + 1}` : "";
    return { id: random.uuid(), countryCode: country, name: `${name} (${country})${suffix}`, shortName: `${short}-${country}${suffix}` };
  });
}

/** Cohorts starting over 2026; each takes the always-given course and a few others. */
export function cohorts(random: Random, count: number, alwaysCourse: string, otherCourses: string[]): Cohort[] {
  return Array.from({ length: count }, (_, i) => {
    const month = 1 + (i % 9);
    const startsOn = `2026-${String(month).padStart(2, "0")}-${String(1 + random.int(0, 27)).padStart(2, "0")}`;
    const others = random.shuffled(otherCourses).slice(0, 1);
    return { id: random.uuid(), name: `Grupo ${String(i + 1).padStart(2, "0")} — ${COUNTRIES[i % COUNTRIES.length]} 2026`, startsOn, endsOn: "2027-06-30", courses: [alwaysCourse, ...others] };
  });
}

export function officerName(random: Random): string {
  return `${random.pick(GIVEN)} ${random.pick(FAMILY)} ${random.pick(FAMILY)}`;
}

export function officerEmail(n: number): string {
  return `officer${String(n).padStart(5, "0")}@bench.sendero.test`;
}
