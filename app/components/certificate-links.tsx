import { useTranslation } from "react-i18next";
import { DateText } from "./date-text";

export interface CertificateSummary {
  code: string;
  issuedAt: string;
  revoked: boolean;
}

/** A person's certificate of one course: the PDF in both paper sizes, the signed credential, the public page. */
export function CertificateLinks({ certificate }: { certificate: CertificateSummary }) {
  const { t } = useTranslation();
  if (certificate.revoked) return <p className="alert">{t("certificate.mine.revoked")}</p>;
  const base = `/certificates/${certificate.code}`;
  return (
    <>
      <p>
        {t("certificate.mine.issued")} <DateText value={certificate.issuedAt} />.
      </p>
      <ul className="certificate-links">
        <li>
          <a href={`${base}/pdf`} download>
            {t("certificate.mine.pdfA4")}
          </a>
        </li>
        <li>
          <a href={`${base}/pdf?size=letter`} download>
            {t("certificate.mine.pdfLetter")}
          </a>
        </li>
        <li>
          <a href={`${base}/credential`} download>
            {t("certificate.mine.credential")}
          </a>{" "}
          <span className="hint">{t("certificate.mine.credentialHint")}</span>
        </li>
        <li>
          <a href={`/verify/${certificate.code}`}>{t("certificate.mine.verifyLink")}</a>
        </li>
      </ul>
    </>
  );
}
