import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * Asked before signing out while lessons marked done offline still wait on the device: signing
 * out deletes them (a shared computer must not keep them for the next person). A modal <dialog>:
 * the keyboard stays in it, Escape keeps the session, and focus returns to "Sign out" on close.
 */
export function SignOutConfirm({ count, onSignOut, onStay }: { count: number; onSignOut: () => void; onStay: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    // The choice that loses nothing has the focus.
    stay.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="sign-out-confirm-title" aria-describedby="sign-out-confirm-text" onClose={onStay}>
      <h2 id="sign-out-confirm-title">{t("offlineStatus.signOutTitle")}</h2>
      <p id="sign-out-confirm-text">{t("offlineStatus.signOutQueued", { count })}</p>
      <p className="actions">
        <button type="button" ref={stay} onClick={() => dialog.current?.close()}>
          {t("offlineStatus.signOutStay")}
        </button>
        <button type="button" className="button-secondary" onClick={onSignOut}>
          {t("offlineStatus.signOutAnyway", { count })}
        </button>
      </p>
    </dialog>
  );
}
