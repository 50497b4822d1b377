import { expect, test, type Browser, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { readFile } from "node:fs/promises";
import { DEMO_COHORT, signIn, signInAs, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { freshAccount } from "./helpers/invitations";

// A presentation by an expert, as the demo cohort lives it. The facilitator schedules it; one
// officer sets their own time zone, sees the session at their own hour on the course page,
// downloads the .ics and types the check-in code the facilitator reads out; another follows the
// transcript and answers the reflection. Both projects (JavaScript on and off) run at once on the
// one server, so each takes a talk of its own: the two shipped sessions.
const VARIANTS = {
  js: {
    course: "unaccompanied-children",
    item: "child-protection-talk",
    title: "Presentación: proteger a niñas, niños y adolescentes no acompañados",
    titleEn: "Expert talk: protecting unaccompanied children",
  },
  "no-js": {
    course: "vulnerability-referral",
    item: "referral-mechanisms-talk",
    title: "Presentación: los mecanismos de referencia de la región",
    titleEn: "Expert talk: the region's referral mechanisms",
  },
} as const;

const ORGANISER_ZONE = "America/Mexico_City";
// Two hours ahead of Mexico City all year: the officer's page must show another hour.
const OFFICER_ZONE = "America/Santo_Domingo";

/** The wall date and time of an instant in a zone, as the schedule form takes them. */
function wallTime(instant: Date, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The current minute: the check-in window (15 minutes before the start to 30 after the end) is
 * open now, and an hour-long session stays "upcoming" for the whole test. (The start of the
 * current hour did not: a run begun at :59 saw the session end before the course page was read.)
 */
function thisMinute(): Date {
  const now = new Date();
  now.setUTCSeconds(0, 0);
  return now;
}

/** Two officers of the demo cohort for whom the talk is open: new ones by invitation, or (its module being later in the course) two demo learners who finished the course. */
async function officers(browser: Browser, variant: keyof typeof VARIANTS, testInfo: Parameters<Parameters<typeof test>[2]>[1]): Promise<[Page, Page]> {
  if (variant === "js") {
    const first = await freshAccount(browser, testInfo);
    const second = await freshAccount(browser, testInfo);
    return [first.page, second.page];
  }
  const pages: Page[] = [];
  for (const email of ["luis.hernandez@learners.demo.sendero.test", "juan.perez@learners.demo.sendero.test"]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email);
    pages.push(page);
  }
  return [pages[0]!, pages[1]!];
}

test("the facilitator schedules a talk; one officer checks in with the code, another completes it from the transcript", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const variant = testInfo.project.name === "no-js" ? "no-js" : "js";
  const talk = VARIANTS[variant];
  const start = thisMinute();

  // The facilitator finds the talk for the demo cohort and schedules it for this minute, Mexico City time.
  await signInAs(page, "facilitator");
  await page.getByRole("link", { name: "Presentaciones de especialistas: programar y registrar asistencia", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Presentaciones de especialistas", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "the facilitator's list of talks");
  await page.getByRole("link", { name: `${talk.title}, ${DEMO_COHORT}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: talk.title, exact: true })).toBeVisible();
  const organiser = wallTime(start, ORGANISER_ZONE);
  await page.getByLabel("Fecha", { exact: true }).fill(organiser.date);
  await page.getByLabel("Hora de inicio", { exact: true }).fill(organiser.time);
  await page.getByLabel("Zona horaria de esa hora", { exact: true }).selectOption(ORGANISER_ZONE);
  await page.getByLabel("Duración (minutos)", { exact: true }).fill("60");
  await page.getByLabel("Enlace de la reunión", { exact: true }).fill("https://meet.example.org/sendero-demo");
  await page.getByRole("button", { name: "Programar", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("La sesión quedó programada. Las personas del grupo ya la ven en el curso.");
  const code = (await page.locator(".checkin-code .code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expectNoAxeViolations(page, "the schedule page of a talk");

  const [attendee, reader] = await officers(browser, variant, testInfo);

  // The first officer chooses their time zone, then sees the session at their own hour.
  await attendee.goto("/account");
  await attendee.getByLabel("Mi zona horaria", { exact: true }).selectOption(OFFICER_ZONE);
  await attendee.getByRole("button", { name: "Guardar la zona horaria", exact: true }).click();
  await expect(attendee.getByRole("status").filter({ hasText: "Su zona horaria se guardó." })).toBeVisible();
  const own = wallTime(start, OFFICER_ZONE);
  expect(own.time).not.toBe(organiser.time);
  await attendee.goto(`/learn/${talk.course}`);
  const upcoming = attendee.getByRole("region", { name: "Próximas sesiones en vivo" });
  await expect(upcoming).toContainText(talk.title);
  await expect(upcoming).toContainText(`${own.time} (hora de República Dominicana (GMT-4))`);
  await expectNoAxeViolations(attendee, "the course page with an upcoming live session");
  await upcoming.getByRole("link", { name: talk.title, exact: true }).click();
  const live = attendee.getByRole("region", { name: "Sesión en vivo" });
  await expect(live).toContainText(`de ${own.time} a`);
  await expect(live).toContainText("hora de República Dominicana (GMT-4)");
  await expect(attendee.getByRole("link", { name: "Entrar a la sesión", exact: true })).toHaveAttribute("href", "https://meet.example.org/sendero-demo");

  // The .ics holds the right instant, whatever zone it is read in.
  const downloading = attendee.waitForEvent("download");
  await attendee.getByRole("link", { name: "Agregar a mi calendario (.ics)", exact: true }).click();
  const file = await (await downloading).path();
  const calendar = new ICAL.Component(ICAL.parse(await readFile(file, "utf8")));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  expect(event.summary).toBe(talk.title);
  expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
  expect(event.endDate.toJSDate().getTime() - start.getTime()).toBe(60 * 60_000);

  // A mistyped code is refused and kept; the right one (typed in lower case) completes the item.
  await attendee.getByLabel("Código de asistencia", { exact: true }).fill("ZZZZZZ");
  await attendee.getByRole("button", { name: "Registrar mi asistencia", exact: true }).click();
  await expect(attendee.getByText("Ese código no corresponde a la sesión de su grupo. Revise las letras y los números.")).toBeVisible();
  await expect(attendee.getByLabel("Código de asistencia", { exact: true })).toHaveValue("ZZZZZZ");
  await expectNoAxeViolations(attendee, "a talk's page with a refused check-in code");
  await attendee.getByLabel("Código de asistencia", { exact: true }).fill(code.toLowerCase());
  await attendee.getByRole("button", { name: "Registrar mi asistencia", exact: true }).click();
  await expect(attendee.getByText("Su asistencia quedó registrada.")).toBeVisible();
  await expect(attendee.getByText("Ya completó esta actividad.")).toBeVisible();

  // The second officer follows the transcript, with no media element, and answers the reflection.
  await reader.goto(`/learn/${talk.course}/${talk.item}`);
  await expect(reader.getByRole("heading", { level: 2, name: "Transcripción", exact: true })).toBeVisible();
  await expect(reader.locator("video, audio")).toHaveCount(0);
  await reader.getByLabel("Su respuesta", { exact: true }).fill("Muy poco.");
  await reader.getByRole("button", { name: "Enviar y terminar", exact: true }).click();
  await expect(reader.getByText("Escriba al menos 120 caracteres.").first()).toBeVisible();
  await expect(reader.getByLabel("Su respuesta", { exact: true })).toHaveValue("Muy poco.");
  const reflection = "En mi puesto la referencia depende de quién esté de turno. Desde hoy pediremos el consentimiento antes de llamar a nadie y explicaremos a la persona qué va a pasar.";
  await reader.getByLabel("Su respuesta", { exact: true }).fill(reflection);
  await reader.getByRole("button", { name: "Enviar y terminar", exact: true }).click();
  await expect(reader.getByText("Ya completó esta actividad.")).toBeVisible();
  await expect(reader.locator(".reflection-saved")).toHaveText(reflection);
  await expectNoAxeViolations(reader, "a talk completed by its reflection");
  await switchLanguage(reader, "en");
  await expect(reader.getByRole("heading", { level: 1, name: talk.titleEn, exact: true })).toBeVisible();
  await expect(reader.getByRole("heading", { level: 2, name: "Transcript", exact: true })).toBeVisible();
  await expectNoAxeViolations(reader, "a talk's page in English");

  // The facilitator sees who attended with the code, and the reflection.
  await page.reload();
  const roster = page.getByRole("table", { name: /participantes del grupo$/ });
  await expect(roster.getByRole("row").filter({ hasText: "Con código" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Reflexiones de quienes la siguieron por la transcripción" })).toContainText(reflection);

  await attendee.context().close();
  await reader.context().close();
});
