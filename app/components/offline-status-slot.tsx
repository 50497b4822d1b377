import { lazy, Suspense, useEffect, useState } from "react";

const OfflineStatus = lazy(() => import("../offline/offline-status"));

/** The connection notices (app/offline/offline-status.tsx), loaded only on pages a service worker serves. */
export function OfflineStatusSlot() {
  const [controlled, setControlled] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const check = () => setControlled(Boolean(navigator.serviceWorker.controller));
    check();
    navigator.serviceWorker.addEventListener("controllerchange", check);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", check);
  }, []);
  return controlled ? (
    <Suspense fallback={null}>
      <OfflineStatus />
    </Suspense>
  ) : null;
}
