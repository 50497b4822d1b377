import { useTranslation } from "react-i18next";
import { regionName } from "../utils/intl";

/** A country's name in the reader's language, from its ISO code (no translation table needed). */
export function CountryName({ code }: { code: string | null }) {
  const { i18n } = useTranslation();
  if (!code) return <span>—</span>;
  return <span>{regionName(i18n.language, code)}</span>;
}
