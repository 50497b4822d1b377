import { useTranslation } from "react-i18next";

/** A country's name in the reader's language, from its ISO code (no translation table needed). */
export function CountryName({ code }: { code: string | null }) {
  const { i18n } = useTranslation();
  if (!code) return <span>—</span>;
  const name = new Intl.DisplayNames([i18n.language], { type: "region" }).of(code) ?? code;
  return <span>{name}</span>;
}
