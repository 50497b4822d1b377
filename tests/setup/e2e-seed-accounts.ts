/** Accounts the end-to-end seed adds beside the demo ones (see tests/setup/e2e-seed.ts). */
export const ENGLISH_ADMIN = { email: "admin-en@e2e.sendero.test", name: "Elena Admin" };
