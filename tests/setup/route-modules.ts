import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every route module under app/routes, as Remix sees them: files, or folders with route.tsx. */
export function routeModules(dir = "app/routes"): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return existsSync(join(path, "route.tsx")) ? [`${name}/route.tsx`] : [];
      return /\.(tsx|ts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [name] : [];
    })
    .sort();
}

/** Route modules with no expectations, and expectations for routes that no longer exist. */
export function unlistedRoutes(modules: readonly string[], listed: readonly string[]) {
  return { missing: modules.filter((m) => !listed.includes(m)), stale: listed.filter((l) => !modules.includes(l)) };
}
