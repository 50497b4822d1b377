import { PGlite } from "@electric-sql/pglite";
let t=Date.now();
const pg = new PGlite();
await pg.waitReady; console.log('init ms', Date.now()-t);
const r = await pg.query("select count(*) as c, 5::int8 as b, '2026-01-02'::date as d, now() as ts, 1.5::numeric as n, '{\"a\":1}'::jsonb as j, gen_random_uuid() as u");
console.log(r.rows, r.affectedRows);
t=Date.now(); const dump = await pg.dumpDataDir('none'); console.log('dump', Date.now()-t, dump.size);
t=Date.now(); const pg2 = new PGlite({loadDataDir: dump}); await pg2.waitReady; console.log('load ms', Date.now()-t);
