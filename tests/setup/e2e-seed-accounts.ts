/** Accounts the end-to-end seed adds beside the demo ones (see tests/setup/e2e-seed.ts). */
export const ENGLISH_ADMIN = { email: "admin-en@e2e.sendero.test", name: "Elena Admin" };
/** An officer with one record of every kind a personal data export holds (tests/setup/personal-data.ts), and a colleague of theirs. */
export const EXPORT_OFFICER = { email: "export-officer@e2e.sendero.test", name: "Paula Exporta" };
export const EXPORT_COLLEAGUE = { email: "export-colleague@e2e.sendero.test", name: "Quintín Colega" };
export const EXPORT_COHORT = "Grupo de exportación e2e";
/**
 * The people an admin erases in the erasure e2e, one per browser project (both run at once), each
 * in a cohort of their own with a colleague who reads the dialogue they wrote in.
 */
export const ERASURE_PEOPLE = {
  js: {
    person: { email: "erase-js@e2e.sendero.test", name: "Rosalía Borrable" },
    colleague: { email: "erase-js-colleague@e2e.sendero.test", name: "Ulises Testigo" },
    cohort: "Grupo de borrado e2e (con scripts)",
  },
  "no-js": {
    person: { email: "erase-nojs@e2e.sendero.test", name: "Teodora Suprimible" },
    colleague: { email: "erase-nojs-colleague@e2e.sendero.test", name: "Valentín Testigo" },
    cohort: "Grupo de borrado e2e (sin scripts)",
  },
} as const;
