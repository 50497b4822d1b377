import type { Config } from "../config.server";

/**
 * The site's address for links that leave the page (mail): PUBLIC_URL when set, otherwise the
 * origin the request came to. No trailing slash.
 */
export function siteUrl(config: Pick<Config, "publicUrl">, request: Request): string {
  return (config.publicUrl ?? new URL(request.url).origin).replace(/\/+$/, "");
}
