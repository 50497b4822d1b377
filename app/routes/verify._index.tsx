import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { normaliseCode } from "../certificates/code";
import { pageTitle } from "../utils/meta";

// Anyone checks a certificate here, often on a phone: plain HTML, no scripts.
export const handle = { scripts: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "certificate.verify.title");

// Anyone can type a certificate's code (from paper) and see whether it is valid. A plain GET form.
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code");
  if (typed === null) return null;
  const code = normaliseCode(typed.slice(0, 40));
  return redirect(code ? `/verify/${code}` : "/verify?invalid=1");
}

export default function VerifyForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const invalid = params.has("invalid");
  return (
    <div className="page narrow">
      <h1>{t("certificate.verify.title")}</h1>
      <p>{t("certificate.verify.lead")}</p>
      <Form method="get">
        <div className="field">
          <label htmlFor="code">{t("certificate.verify.codeLabel")}</label>
          <input id="code" name="code" autoComplete="off" spellCheck={false} required aria-invalid={invalid || undefined} aria-describedby={invalid ? "code-error" : "code-hint"} />
          <p id="code-hint" className="hint">
            {t("certificate.verify.codeHint")}
          </p>
          {invalid ? (
            <p id="code-error" className="field-error">
              {t("certificate.verify.badCode")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button-primary">
          {t("certificate.verify.check")}
        </button>
      </Form>
    </div>
  );
}
