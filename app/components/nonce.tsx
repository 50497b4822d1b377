import { createContext, useContext } from "react";

/** The Content-Security-Policy nonce of this response, for the few inline scripts Remix writes. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
