import { describe, expect, it } from "vitest";
import { LOCALES } from "../../i18n/locales";
import { renderTemplate, TEMPLATES, type MailData, type MailKind } from "./index";

const HOSTILE = `<img src=x onerror="alert(1)"> & 'co'`;
// Sample data for every kind: TypeScript refuses a kind without one.
const SAMPLES: { [K in MailKind]: MailData<K> } = {
  invitation: { cohortName: HOSTILE, role: "facilitator", url: "https://sendero.example.org/join/abc", expiresAt: new Date("2026-12-20T10:00:00Z") },
  "password-reset": { name: HOSTILE, url: "https://sendero.example.org/reset/abc", expiresAt: new Date("2026-12-20T10:00:00Z") },
  "due-reminder": { name: HOSTILE, courseTitle: HOSTILE, dueOn: "2026-12-20", daysLeft: 7, url: "https://sendero.example.org/learn/c", unsubscribeUrl: "https://sendero.example.org/mail/unsubscribe/x" },
  "certificate-issued": { name: HOSTILE, courseTitle: HOSTILE, code: "ABCD-1234", accountUrl: "https://sendero.example.org/account", verifyUrl: "https://sendero.example.org/verify/ABCD-1234" },
  enrolment: { name: HOSTILE, cohortName: HOSTILE, courses: [{ title: HOSTILE, dueOn: "2026-12-20" }, { title: "Otro", dueOn: null }], url: "https://sendero.example.org/learn" },
  "facilitator-digest": { name: HOSTILE, held: 2, reported: 1, url: "https://sendero.example.org/facilitate", unsubscribeUrl: "https://sendero.example.org/mail/unsubscribe/x" },
};

describe("mail templates", () => {
  for (const kind of Object.keys(TEMPLATES) as MailKind[]) {
    for (const locale of LOCALES) {
      it(`${kind} in ${locale}: every string translated, link in both bodies, values escaped in HTML`, () => {
        const mail = renderTemplate(kind, locale, SAMPLES[kind] as never);
        expect(mail.locale).toBe(locale);
        for (const body of [mail.subject, mail.text, mail.html]) expect(body).not.toMatch(/\bmail\.[a-zA-Z]+/);
        expect(mail.text).toContain("https://sendero.example.org/");
        expect(mail.html).toContain('href="https://sendero.example.org/');
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.html).not.toContain("<img");
        expect(mail.html).toContain("&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;co&#39;");
      });
    }
  }

  it("counts days and posts in words, singular and plural", () => {
    const reminder = (daysLeft: number) => renderTemplate("due-reminder", "es", { ...SAMPLES["due-reminder"], courseTitle: "Trata", daysLeft });
    expect(reminder(1).subject).toBe("Queda 1 día para terminar «Trata»");
    expect(reminder(7).subject).toBe("Quedan 7 días para terminar «Trata»");
    expect(reminder(7).text).toContain("el 20 de diciembre de 2026");
    const digest = renderTemplate("facilitator-digest", "en", { ...SAMPLES["facilitator-digest"], name: "Bruno" });
    expect(digest.subject).toBe("Sendero: 3 posts await moderation");
    expect(digest.text).toContain("2 held posts await your review.");
    expect(digest.text).toContain("1 post was reported.");
    expect(digest.text).toContain("Stop receiving these e-mails: https://sendero.example.org/mail/unsubscribe/x");
  });

  it("writes Spanish and English differently, and falls back to Spanish for another language", () => {
    const es = renderTemplate("invitation", "es", SAMPLES.invitation);
    expect(es.subject).toContain("Invitación a Sendero");
    expect(es.text).toContain("como Facilitador/a");
    expect(renderTemplate("invitation", "en", SAMPLES.invitation).subject).toContain("Invitation to Sendero");
    expect(renderTemplate("invitation", "fr", SAMPLES.invitation)).toMatchObject({ locale: "es", subject: es.subject });
  });
});
