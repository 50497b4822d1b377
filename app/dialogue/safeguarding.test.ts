import { describe, expect, it } from "vitest";
import { detectPersonalData, segmentsOf, type PersonalDataKind } from "./safeguarding";

// Texts an officer might write. Each true positive names the kind and the part that must be
// highlighted; each false positive must pass untouched.
const TRUE_POSITIVES: [string, PersonalDataKind, string][] = [
  // Spanish
  ["Atendimos a una señora con pasaporte G12345678 en la garita.", "document", "G12345678"],
  ["Su pasaporte número 123456789 venció.", "document", "123456789"],
  ["Traía DPI 2345 67890 0101 del municipio.", "document", "2345 67890 0101"],
  ["El DUI 04567890-1 estaba roto.", "document", "04567890-1"],
  ["Me dio la cédula 801-0456-78 para verificar.", "document", "801-0456-78"],
  ["Expediente 2023-045678 abierto en COMAR.", "document", "2023-045678"],
  ["Su teléfono es 55 1234 5678, llamen a su tía.", "phone", "55 1234 5678"],
  ["Pueden contactarla al +502 5555-1234.", "phone", "+502 5555-1234"],
  ["El número de la madre: (504) 9876-5432.", "phone", "(504) 9876-5432"],
  ["WhatsApp 5512345678 del primo en Houston.", "phone", "5512345678"],
  ["Escríbanle a maria.lopez@gmail.com para el seguimiento.", "email", "maria.lopez@gmail.com"],
  ["El correo del niño es juanito2010@hotmail.es", "email", "juanito2010@hotmail.es"],
  ["Fecha de nacimiento: 03/05/2012, viene sola.", "birthdate", "03/05/2012"],
  ["La niña nació el 14 de febrero de 2011 en Choluteca.", "birthdate", "14 de febrero de 2011"],
  ["Nacido en 2009-11-30 según el acta.", "birthdate", "2009-11-30"],
  ["Su CURP es GOPM120503MCSRRR09, está en el sistema.", "curp", "GOPM120503MCSRRR09"],
  ["curp lomj050101hdflpn02 por si la necesitan", "curp", "lomj050101hdflpn02"],
  ["Recibimos a María Gómez López, 14 años, viajaba sola.", "nameAge", "María Gómez López, 14 años"],
  ["El niño Kevin Ramírez de 9 años preguntaba por su mamá.", "nameAge", "Kevin Ramírez de 9 años"],
  ["Identificamos a José Martínez (12) en el grupo.", "nameAge", "José Martínez (12"],
  ["La adolescente Daniela Cruz, de 16 años, pidió asilo.", "nameAge", "Daniela Cruz, de 16 años"],
  // English
  ["We met a man with passport A1234567 at the border.", "document", "A1234567"],
  ["Her passport number is 987654321.", "document", "987654321"],
  ["ID: 0801-1990-12345 was shown to us.", "document", "0801-1990-12345"],
  ["Case number 2024-778899 is still open.", "document", "2024-778899"],
  ["Visa AB1234567 expired last year.", "document", "AB1234567"],
  ["Call his sister on +1 (713) 555-0199.", "phone", "+1 (713) 555-0199"],
  ["Her mobile is 502 4455 6677.", "phone", "502 4455 6677"],
  ["Phone: 713.555.0147 in Houston.", "phone", "713.555.0147"],
  ["Reach the uncle at 0044 7700 900123.", "phone", "0044 7700 900123"],
  ["Write to john.smith@example.org for details.", "email", "john.smith@example.org"],
  ["The boy's email is kid_2011@yahoo.com.", "email", "kid_2011@yahoo.com"],
  ["Date of birth: 12/04/2010, travelling alone.", "birthdate", "12/04/2010"],
  ["She was born on 5 March 2010 in Tegucigalpa.", "birthdate", "5 March 2010"],
  ["DOB 2011-07-21 per the birth certificate.", "birthdate", "2011-07-21"],
  ["He was born on March 12, 2012.", "birthdate", "March 12, 2012"],
  ["His CURP is ROAJ091212HCSDRN05.", "curp", "ROAJ091212HCSDRN05"],
  ["We interviewed John Smith, aged 9, at the shelter.", "nameAge", "John Smith, aged 9"],
  ["Kevin Alvarado, 15 years old, asked for his mother.", "nameAge", "Kevin Alvarado, 15 years"],
  ["The girl Maria Lopez (13) was referred to DIF.", "nameAge", "Maria Lopez (13"],
  ["Anna Perez, 11 yrs, came with her cousin.", "nameAge", "Anna Perez, 11 yrs"],
];

const FALSE_POSITIVES: string[] = [
  // Spanish
  "Según el artículo 22 de la Convención Americana, toda persona tiene derecho a buscar asilo.",
  "La Convención de 1951 y su Protocolo de 1967 definen quién es refugiado.",
  "Entre 2019-2021 aumentaron los cruces por Tapachula.",
  "El curso MIG-101 y el módulo 3 tratan la detección temprana.",
  "En 2023 llegaron más de 12.500.000 personas a la región, según estimaciones.",
  "La Ley de Migración de 2011 establece el interés superior de la niñez.",
  "El plazo es de 30 días hábiles para presentar la solicitud.",
  "Trabajo en la Estación Tapachula desde hace 15 años.",
  "La Convención Americana, 22 años después, sigue vigente.",
  "El artículo 1 y el artículo 33 hablan de no devolución.",
  "Reunión el 12 de marzo de 2024 a las 10:00 en la oficina.",
  "El 45,5 % de las personas atendidas eran mujeres.",
  "Llamen al 911 en caso de emergencia.",
  "Revisen la lección 4.2 antes del jueves.",
  "En México, 20 años de experiencia muestran que la referencia funciona.",
  "La Declaración de Cartagena de 1984 amplía la definición de refugiado.",
  "Somos 25 oficiales en el grupo piloto de 2026.",
  "El protocolo OPI-2021 se actualizó.",
  "Hace 10 años que trabajo con niñas y niños no acompañados.",
  "Página 134 del manual, sección 7.3.",
  "Atendimos a 1.250 personas en noviembre.",
  // English
  "Article 22 of the American Convention protects the right to seek asylum.",
  "The 1951 Convention and its 1967 Protocol define who is a refugee.",
  "Between 2019 and 2021 crossings increased.",
  "Course code MIG101 covers early identification.",
  "About 12,500,000 people moved through the region in 2023.",
  "The meeting is on 12 March 2024 at 10:00.",
  "I have worked at the border for 12 years.",
  "United Nations, 75 years on, still leads the response.",
  "In Mexico, 20 years of practice show referral works.",
  "Call 911 in an emergency.",
  "Read lesson 3.4 before Thursday.",
  "The Cartagena Declaration of 1984 widened the definition.",
  "Section 7.3 on page 134 of the manual explains it.",
  "Roughly 45.5% of the people we saw were women.",
  "Our cohort has 25 officers from 5 countries.",
  "The 2021-2023 programme ended in June.",
  "Module 2 takes about 30 minutes.",
  "The UNHCR Handbook, paragraph 196, covers the burden of proof.",
  "Write to the facilitator through this forum, not by e-mail.",
  "Since 2015, 3 regional meetings a year.",
];

describe("safeguarding: personal data is found", () => {
  for (const [text, kind, part] of TRUE_POSITIVES) {
    it(`${kind} in “${text}”`, () => {
      const hits = detectPersonalData(text);
      const found = hits.map((h) => ({ kind: h.kind, text: text.slice(h.start, h.end) }));
      expect(found.some((f) => f.text.includes(part)), JSON.stringify(found)).toBe(true);
    });
  }
});

describe("safeguarding: ordinary texts pass", () => {
  for (const text of FALSE_POSITIVES) {
    it(`“${text}”`, () => {
      const hits = detectPersonalData(text);
      expect(hits.map((h) => `${h.kind}: ${text.slice(h.start, h.end)}`)).toEqual([]);
    });
  }

  it("has a corpus of at least 20 cases of each kind in each language", () => {
    expect(TRUE_POSITIVES.length).toBeGreaterThanOrEqual(40);
    expect(FALSE_POSITIVES.length).toBeGreaterThanOrEqual(40);
  });
});

describe("highlighting", () => {
  it("cuts the text into plain and marked parts that join back to the text", () => {
    const text = "Pasaporte G12345678 y correo ana@example.com, gracias.";
    const segments = segmentsOf(text, detectPersonalData(text));
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => [s.kind, s.text])).toEqual([
      ["document", "G12345678"],
      ["email", "ana@example.com"],
    ]);
  });
});
