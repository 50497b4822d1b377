import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

// Fields never sent back to the page after an error.
const SECRET_FIELDS = new Set(["password", "newPassword", "currentPassword", "confirmPassword", "_csrf"]);

/**
 * Validates a submitted form with its zod schema. Messages in the schema are translation keys;
 * on failure the page gets one key per field and what the person typed (passwords excepted).
 */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.infer<S>>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, errors: { form: "form.unreadable" }, values: {} };
  }
  const raw: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !(key in raw)) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.includes(".") && !issue.message.includes(" ") ? issue.message : "form.invalid";
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !SECRET_FIELDS.has(k)));
  return { ok: false, errors, values };
}
