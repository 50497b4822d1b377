// Kept apart from personal-data.ts so that an e2e spec can read them without loading the models.

/** Texts the export must hold, and texts (of the other person) it must not. */
export const MARKS = {
  post: '=HYPERLINK("https://example.org","Mi aporte")',
  hiddenPost: "Texto mío que la moderación ocultó",
  thread: "Dudas sobre la entrevista inicial",
  reportReason: "Comparte datos de una persona atendida",
  otherPost: "Texto de otra persona que no debe salir",
  offlineToken: "offline-token-que-nunca-se-exporta",
} as const;
