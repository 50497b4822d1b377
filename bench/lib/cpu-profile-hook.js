// Preloaded into a bench server (NODE_OPTIONS=--import=…) by bench/profile.ts: the first SIGUSR2
// starts the V8 sampling profiler, the second writes the profile to $SENDERO_CPU_PROFILE and
// stops it. (NODE_OPTIONS refuses --cpu-prof, and a whole-run profile mixes start-up and sign-in
// with the load being measured.)
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const session = new Session();
session.connect();
let running = false;
process.on("SIGUSR2", () => {
  if (!running) {
    running = true;
    session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 250 }, () => session.post("Profiler.start")));
    return;
  }
  running = false;
  session.post("Profiler.stop", (error, result) => {
    if (!error && process.env.SENDERO_CPU_PROFILE) writeFileSync(process.env.SENDERO_CPU_PROFILE, JSON.stringify(result.profile));
  });
});
