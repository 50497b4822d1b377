/**
 * Just enough HTML reading for the simulated officers: the POST forms of one of our own pages
 * and how to fill them. Our markup is regular (rendered by React), so a few patterns suffice.
 */
export interface PageForm {
  /** Hidden fields, as rendered. */
  hidden: Record<string, string>;
  /** Radio buttons and checkboxes by name: their values. */
  choices: Map<string, string[]>;
  /** Selects by name: their non-empty option values. */
  selects: Map<string, string[]>;
  /** Text inputs by name. */
  texts: string[];
  className: string;
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function postForms(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, open = "", body = ""] = match;
    if ((attr(open, "method") ?? "get").toLowerCase() !== "post") continue;
    const form: PageForm = { hidden: {}, choices: new Map(), selects: new Map(), texts: [], className: attr(open, "class") ?? "" };
    for (const [tag] of body.matchAll(/<input[^>]*>/g)) {
      const name = attr(tag, "name");
      const type = attr(tag, "type") ?? "text";
      if (!name) continue;
      const value = unescape(attr(tag, "value") ?? "");
      if (type === "hidden") form.hidden[name] = value;
      else if (type === "radio" || type === "checkbox") form.choices.set(name, [...(form.choices.get(name) ?? []), value]);
      else if (type === "text") form.texts.push(name);
    }
    for (const select of body.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(select[1] ?? "", "name");
      if (!name) continue;
      const values = [...(select[2] ?? "").matchAll(/<option[^>]*value="([^"]*)"/g)].map((m) => unescape(m[1] ?? "")).filter(Boolean);
      form.selects.set(name, values);
    }
    forms.push(form);
  }
  return forms;
}

/** The form's fields with a plausible answer chosen: the first choice, distinct positions, a short text. */
export function filledFields(form: PageForm): URLSearchParams {
  const fields = new URLSearchParams(form.hidden);
  for (const [name, values] of form.choices) if (values[0] !== undefined) fields.append(name, values[0]);
  let position = 0;
  for (const [name, values] of form.selects) {
    // Ordering questions number each entry once; matching questions take any choice.
    const value = name.startsWith("position.") ? values[position++] : values[0];
    if (value !== undefined) fields.append(name, value);
  }
  for (const name of form.texts) fields.append(name, "respuesta de prueba");
  return fields;
}
