import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../models/password.server";

// Shared field rules; messages are translation keys (see app/locales/*.json → form.*).
export const emailField = z
  .string({ error: "form.required" })
  .trim()
  .min(1, "form.required")
  .max(254, "form.tooLong")
  .pipe(z.email("form.email"));

export const newPasswordField = z
  .string({ error: "form.required" })
  .min(PASSWORD_MIN_LENGTH, "form.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "form.tooLong");

export const nameField = z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "form.tooLong");

export const localeField = z.enum(LOCALES, { error: "form.invalid" });
