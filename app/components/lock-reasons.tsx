import { useTranslation } from "react-i18next";

/** Why something is locked, in a sentence per reason. */
export function LockReasons({ reasons }: { reasons: { kind: "module" | "item"; title: string }[] }) {
  const { t } = useTranslation();
  return (
    <ul className="lock-reasons">
      {reasons.map((r) => (
        <li key={`${r.kind}:${r.title}`}>{t(r.kind === "module" ? "course.lockedByModule" : "course.lockedByItem", { title: r.title })}</li>
      ))}
    </ul>
  );
}
