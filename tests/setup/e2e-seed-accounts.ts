/** Accounts the end-to-end seed adds beside the demo ones (see tests/setup/e2e-seed.ts). */
export const ENGLISH_ADMIN = { email: "admin-en@e2e.sendero.test", name: "Elena Admin" };
/** An officer with one record of every kind a personal data export holds (tests/setup/personal-data.ts), and a colleague of theirs. */
export const EXPORT_OFFICER = { email: "export-officer@e2e.sendero.test", name: "Paula Exporta" };
export const EXPORT_COLLEAGUE = { email: "export-colleague@e2e.sendero.test", name: "Quintín Colega" };
export const EXPORT_COHORT = "Grupo de exportación e2e";
