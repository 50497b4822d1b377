// Routes import zod from here, not from "zod". Modules named *.server never reach the browser
// bundle. A schema built at module level (`const schema = z.object(…)`) is a call the bundler
// must keep, and zod 4 declares side effects, so one such route used to put all of zod (about
// 76 KB compressed) into a chunk that every route importing zod loaded, sign-in included —
// although only the routes' actions, server code, use it.
// In the browser this module is empty: a route builds its schemas inside a function
// (`const schema = () => z.object(…)`), never at module level, or its script fails to load.
export { z } from "zod";
