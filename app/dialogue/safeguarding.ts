// Looks for personal data of third parties (migrants, children) in a post before it is published:
// document and passport numbers, phone numbers, e-mail addresses, dates of birth, CURP-style
// identifiers, and full names next to an age. Pure and shared by server and page: a hit holds the
// post for a facilitator and shows the author the matched parts so they can edit them out.
// It errs on the side of holding: a false alarm costs a facilitator a click; a miss can cost a
// person their safety. The corpus in safeguarding.test.ts pins what must and must not match.

export type PersonalDataKind = "document" | "phone" | "email" | "birthdate" | "curp" | "nameAge";

export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

// Mexico's CURP: 4 letters, birth date, sex, state, consonants, check characters.
const CURP = /\b[A-Z][AEIOUX][A-Z]{2}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[HMX][A-Z]{5}[A-Z0-9]\d\b/giu;

// A document named, then its number: "pasaporte G1234567", "DPI 2345 67890 0101", "ID: 123456".
const DOCUMENT_WORDS =
  "pasaporte|passport|pass|dpi|dui|cédula|cedula|ine|curp|rfc|nit|rtn|documento|document|identificación|identificacion|identidad|identity|id|expediente|case|folio|visa|permiso|permit|residencia|residence|acta|certificate|número|numero|no\\.|nº|n°";
const NAMED_DOCUMENT = new RegExp(`\\b(?:${DOCUMENT_WORDS})\\b[\\s:#.-]{0,6}(?:de\\s+|number\\s+|no\\.?\\s*)?([A-Z]{0,3}[\\s-]?\\d[\\d\\s-]{3,18}\\d[A-Z]?)`, "giu");

// A passport-like token: 1–3 letters then 6–9 digits ("G12345678", "AB1234567").
const PASSPORT_TOKEN = /\b[A-Z]{1,3}\d{6,9}\b/gu;

// A run of 8–15 digits in groups ("+52 55 1234 5678", "(502) 5555-1234", "5512345678").
const DIGIT_RUN = /(?:\+\s?)?\(?\d[\d\s().-]{6,22}\d/gu;

const MONTHS =
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?:\\s+de)?\\s+(?:${MONTHS})\\.?(?:\\s+de(?:l)?|,)?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`;
const BIRTH_WORDS =
  "fecha de nacimiento|f\\.\\s*nac\\.?|nacimiento|naci[óo]|nacida|nacido|born|birth ?date|date of birth|d\\.?o\\.?b\\.?|birthday|cumpleaños";
const BIRTHDATE = new RegExp(`\\b(?:${BIRTH_WORDS})(?:\\s*(?:el|on|:|en|the|in))*\\s*(${DATE})`, "giu");

// Two or more capitalised words, then an age: "María López, 14 años", "John Smith (aged 9)".
const NAME = "\\p{Lu}[\\p{Ll}'’]+(?:[\\s-]+(?:(?:de|del|la|las|los|y|van|von)\\s+)?\\p{Lu}[\\p{Ll}'’]+)+";
const AGE_AFTER = "[\\s,(–-]{1,4}(?:de\\s+|aged\\s+|age\\s+|edad:?\\s*)?\\d{1,2}\\s*(?:años|año|years?(?:\\s+old)?|yrs?|-year-old|y/o)?";
const NAME_AGE = new RegExp(`(${NAME})(${AGE_AFTER})`, "gu");
// Words that start capitalised names of institutions, laws, places or sentences, not people.
const NOT_A_NAME = new Set(
  (
    "convención convencion ley protocolo instituto declaración declaracion comisión comision naciones unidas corte programa artículo articulo " +
    "oficina estación estacion sistema nacional dirección direccion gobierno secretaría secretaria procuraduría procuraduria ministerio " +
    "en el la los las hace desde por con para durante según segun tras después despues antes de del un una este esta " +
    "convention law protocol institute declaration commission nations united court programme program article office station system national " +
    "in the for since after before during under over at on by from with this that a an " +
    "méxico mexico guatemala honduras el salvador costa rica panamá panama nicaragua belice belize cuba haití haiti república dominicana ciudad tapachula tijuana " +
    "cohorte grupo módulo modulo curso course module group lección leccion lesson"
  ).split(/\s+/),
);

function all(re: RegExp, text: string): RegExpMatchArray[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

const digitsIn = (s: string) => (s.match(/\d/g) ?? []).length;

// Digit runs that are not personal data: years and year ranges, thousands, decimals, dates alone.
function ordinaryNumber(run: string): boolean {
  const trimmed = run.trim();
  const groups = trimmed.split(/[\s().+-]+/).filter(Boolean);
  if (groups.every((g) => /^(?:19|20)\d{2}$/.test(g))) return true;
  if (/^\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?$/.test(trimmed)) return true;
  if (/^\d+[.,]\d+$/.test(trimmed)) return true;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(trimmed) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(trimmed)) return true;
  return false;
}

/** Every hit, in text order, overlapping hits merged (the first kind found wins). */
export function detectPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const add = (kind: PersonalDataKind, start: number, end: number) => hits.push({ kind, start, end });

  for (const m of all(EMAIL, text)) add("email", m.index!, m.index! + m[0].length);
  for (const m of all(CURP, text)) add("curp", m.index!, m.index! + m[0].length);
  for (const m of all(BIRTHDATE, text)) {
    const date = m[1]!;
    const start = m.index! + m[0].length - date.length;
    add("birthdate", start, start + date.length);
  }
  for (const m of all(NAMED_DOCUMENT, text)) {
    const number = m[1]!;
    if (digitsIn(number) < 5 || ordinaryNumber(number)) continue;
    const start = m.index! + m[0].length - number.length;
    add("document", start, start + number.trimEnd().length);
  }
  for (const m of all(PASSPORT_TOKEN, text)) add("document", m.index!, m.index! + m[0].length);
  for (const m of all(DIGIT_RUN, text)) {
    const run = m[0];
    const digits = digitsIn(run);
    if (digits < 8 || digits > 15 || ordinaryNumber(run)) continue;
    add("phone", m.index!, m.index! + run.length);
  }
  for (const m of all(NAME_AGE, text)) {
    const name = m[1]!;
    const firstWord = name.split(/[\s-]+/)[0]!.toLowerCase();
    const words = name.split(/[\s-]+/).map((w) => w.toLowerCase());
    if (NOT_A_NAME.has(firstWord) || words.every((w) => NOT_A_NAME.has(w))) continue;
    // An age needs "años"/"years"/"aged" around the number, or a bracketed bare number after a name.
    const age = m[2]!;
    if (!/años|año|year|yrs?|aged|age|edad|y\/o/i.test(age) && !/\(\s*\d{1,2}\s*$/.test(age)) continue;
    add("nameAge", m.index!, m.index! + m[0].length);
  }
  return merge(hits);
}

function merge(hits: PersonalDataHit[]): PersonalDataHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalDataHit[] = [];
  for (const hit of sorted) {
    const last = out[out.length - 1];
    if (last && hit.start < last.end) last.end = Math.max(last.end, hit.end);
    else out.push({ ...hit });
  }
  return out;
}

export interface Segment {
  text: string;
  /** The kind of personal data this part looks like, when it should be highlighted. */
  kind: PersonalDataKind | null;
}

/** The text cut into plain and highlighted parts, for showing the author what was found. */
export function segmentsOf(text: string, hits: readonly PersonalDataHit[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start < at || hit.end > text.length) continue;
    if (hit.start > at) segments.push({ text: text.slice(at, hit.start), kind: null });
    segments.push({ text: text.slice(hit.start, hit.end), kind: hit.kind });
    at = hit.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: null });
  return segments;
}
