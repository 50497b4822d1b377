// Kept apart from personal-data.ts so that an e2e spec can read them without loading the models.

/** Texts the export must hold, and texts (of the other person) it must not. */
export const MARKS = {
  post: '=HYPERLINK("https://example.org","Mi aporte")',
  hiddenPost: "Texto mío que la moderación ocultó",
  thread: "Dudas sobre la entrevista inicial",
  reportReason: "Comparte datos de una persona atendida",
  otherPost: "Texto de otra persona que no debe salir",
  offlineToken: "offline-token-que-nunca-se-exporta",
  checkinCode: "CLAVEDEASISTENCIA",
  reflection: "Me llevo de la charla cómo derivar a tiempo",
  team: "Equipo de exportación",
  teamDraft: "Primer borrador del protocolo: saludar y explicar",
  otherTeamVersion: "Versión de otro miembro que no debe salir",
  teamHandedIn: "Protocolo entregado: saludar, explicar, escuchar y derivar",
  otherTeam: "Equipo del sur",
  reviewedText: "Texto de otro equipo que no debe salir",
  peerReview: "Nuestra revisión: falta el paso de derivación",
  teamFeedback: "Mi comentario como facilitación: claro y completo",
  otherFeedback: "Comentario de la facilitación al equipo que no debe salir",
  moderationReason: "Motivo de la moderación: datos de una persona atendida",
  mailLink: "https://sendero.test/reset/enlace-de-un-solo-uso",
} as const;
