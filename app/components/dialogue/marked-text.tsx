import { useTranslation } from "react-i18next";

export interface MarkedSegment {
  text: string;
  kind: string | null;
}

/** The author's text with the parts safeguarding found marked, each named for screen readers. */
export function MarkedText({ segments }: { segments: MarkedSegment[] }) {
  const { t } = useTranslation();
  return (
    <p className="marked-text" dir="auto">
      {segments.map((s, i) =>
        s.kind ? (
          <mark key={i} title={t(`dialogue.safeguarding.kinds.${s.kind}`)}>
            {s.text}
            <span className="visually-hidden"> ({t(`dialogue.safeguarding.kinds.${s.kind}`)})</span>
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
