import { useTranslation } from "react-i18next";

/** A native <progress> (no inline styles, so the CSP holds) with its value said in words. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="progress">
      <progress max={100} value={percent} aria-label={label}>
        {percent} %
      </progress>
      <span className="progress-text">{t("course.percentDone", { percent })}</span>
    </div>
  );
}
