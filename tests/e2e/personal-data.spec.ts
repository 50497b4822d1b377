import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { RECORD_KINDS } from "../../app/models/privacy/kinds";
import { CSV_FILES, JSON_FILE, README_FILE } from "../../app/privacy/files";
import { EXPORT_COHORT, EXPORT_COLLEAGUE, EXPORT_OFFICER } from "../setup/e2e-seed-accounts";
import { MARKS } from "../setup/personal-data-marks";
import { signIn, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import type { Lang } from "./helpers/ui";

// Issue 21: an officer downloads everything Sendero holds about them from the account page (a
// plain link: the same with JavaScript and without), and the privacy notice is public, linked
// from the sign-in page, in Spanish and English, and passes axe. The officer's records are made
// by the e2e seed (tests/setup/personal-data.ts), one of every kind.

const TEXT = {
  es: { notice: "Aviso de privacidad", link: "Aviso de privacidad: qué datos guarda Sendero y por qué", download: "Descargar mis datos (ZIP)", noMigrants: "Ningún dato de personas migrantes" },
  en: { notice: "Privacy notice", link: "Privacy notice: what Sendero keeps and why", download: "Download my data (ZIP)", noMigrants: "No data about migrants" },
} as const;

async function unzipDownload(page: Page, name: string): Promise<Record<string, string>> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("link", { name, exact: true }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toMatch(/^sendero-personal-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  return Object.fromEntries(Object.entries(files).map(([file, bytes]) => [file, strFromU8(bytes)]));
}

test("an officer downloads their data from the account page and finds every kind of record in it", async ({ page }) => {
  await signIn(page, EXPORT_OFFICER.email);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Mis datos" });
  await expect(section).toBeVisible();
  const files = await unzipDownload(page, TEXT.es.download);

  expect(Object.keys(files).sort()).toEqual([JSON_FILE, README_FILE, ...Object.values(CSV_FILES)].sort());
  expect(files[README_FILE]).toContain("Sus datos en Sendero");
  const records = (JSON.parse(files[JSON_FILE]!) as { records: Record<string, Record<string, unknown>[]> }).records;
  for (const kind of RECORD_KINDS) {
    expect(records[kind]?.length, `${kind} in ${JSON_FILE}`).toBeGreaterThan(0);
    // Past the header (and the byte-order mark the decoder drops), at least one row.
    expect(files[CSV_FILES[kind]]!.split("\r\n").filter(Boolean).length, CSV_FILES[kind]).toBeGreaterThan(1);
  }
  expect(records.profile![0]).toMatchObject({ email: EXPORT_OFFICER.email, displayName: EXPORT_OFFICER.name });
  expect(records.memberships![0]).toMatchObject({ cohort: EXPORT_COHORT, role: "officer" });
  expect(records.posts!.map((p) => p.body)).toEqual(expect.arrayContaining([MARKS.post, MARKS.hiddenPost]));
  expect(records.reports![0]).toMatchObject({ reason: MARKS.reportReason });
  expect(records.quizAnswers![0]).toMatchObject({ response: "b" });
  expect(records.scenarioDecisions![0]).toMatchObject({ choice: "ask-calmly" });
  // This download is in it, as the newest audit line; a sign-in is too.
  expect(records.audit!.map((a) => a.action)).toContain("person.data-exported");
  expect(records.signIns!.length).toBeGreaterThan(0);
  // Live sessions, group work (only the versions of the team's text the officer saved), the dialogue's marks, mail.
  expect(records.attendance![0]).toMatchObject({ cohort: EXPORT_COHORT, method: "code" });
  expect(records.reflections![0]).toMatchObject({ body: MARKS.reflection });
  expect(records.teams).toEqual([{ cohort: EXPORT_COHORT, team: MARKS.team }]);
  expect(records.teamWork!.map((w) => w.body)).toEqual([MARKS.teamDraft, MARKS.teamHandedIn]);
  expect(records.peerReviews![0]).toMatchObject({ reviewedTeam: MARKS.otherTeam, body: MARKS.peerReview });
  expect(records.teamFeedback![0]).toMatchObject({ body: MARKS.teamFeedback });
  expect(records.threadMarks![0]).toMatchObject({ following: true });
  expect(records.moderation![0]).toMatchObject({ action: "post.hide", reason: MARKS.moderationReason });
  expect(records.mails![0]).toMatchObject({ kind: "passwordReset", state: "failed" });
  // Spreadsheet-safe, and nothing of the colleague's, no check-in code, no mail text.
  expect(files["posts.csv"]).toContain("'=HYPERLINK");
  const everything = Object.values(files).join("\n");
  for (const text of [EXPORT_COLLEAGUE.email, EXPORT_COLLEAGUE.name, MARKS.otherPost, MARKS.otherTeamVersion, MARKS.reviewedText, MARKS.otherFeedback, MARKS.checkinCode, MARKS.mailLink, "$argon2"]) expect(everything).not.toContain(text);
});

for (const lang of ["es", "en"] as const satisfies readonly Lang[]) {
  test(`the privacy notice is public, linked from the sign-in page, and passes axe (${lang})`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    if (lang === "en") await switchLanguage(page, "en");
    await page.getByRole("link", { name: TEXT[lang].link, exact: true }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1, name: TEXT[lang].notice, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: TEXT[lang].noMigrants, exact: true })).toBeVisible();
    await expectNoAxeViolations(page, `/privacy (${lang})`);
    await context.close();
  });
}
