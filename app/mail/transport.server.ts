import nodemailer from "nodemailer";
import type { Logger } from "../server/log";

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where mail goes: an SMTP server, or (without SMTP_URL) the log, so the embedded default works. */
export interface MailTransport {
  via: "smtp" | "log";
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
}

export interface TransportOptions {
  smtpUrl: string | undefined;
  from: string;
  log: Logger;
}

export function createMailTransport({ smtpUrl, from, log }: TransportOptions): MailTransport {
  if (!smtpUrl) {
    return {
      via: "log",
      // The whole text body is logged: without a mail server the log is where an operator reads it.
      send: async (mail) => log.info("mail written to the log (no SMTP_URL)", { mailId: mail.id, to: mail.to, subject: mail.subject, text: mail.text }),
      close: () => {},
    };
  }
  // Short timeouts: a hung server must fail the attempt (and be retried) well within the lease.
  const smtp = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const host = new URL(smtpUrl).hostname || "sendero";
  return {
    via: "smtp",
    send: async (mail) => {
      await smtp.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The same id on every attempt, so a receiving server can recognise a repeat.
        messageId: `<${mail.id}@${host}>`,
        headers: { "X-Sendero-Mail-Id": mail.id },
      });
    },
    close: () => smtp.close(),
  };
}
