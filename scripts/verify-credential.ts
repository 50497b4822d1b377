// `npm run credential:verify -- <credential.jwt> <jwks.json>`: checks a Sendero credential
// offline, against the issuer's public keys saved beforehand from <sendero>/issuer/jwks.json.
// Prints the holder, course and date when the signature holds; exits 1 when it does not.
import { readFileSync } from "node:fs";
import { verifyCredential } from "../app/certificates/credential";

const [credentialFile, jwksFile] = process.argv.slice(2);
if (!credentialFile || !jwksFile) {
  console.error("usage: npm run credential:verify -- <credential.jwt> <jwks.json>");
  process.exit(2);
}
const result = await verifyCredential(readFileSync(credentialFile, "utf8"), JSON.parse(readFileSync(jwksFile, "utf8")));
if (!result.valid) {
  console.log(`NOT VALID: ${result.reason}`);
  process.exit(1);
}
const { credential } = result;
const name = credential.credentialSubject.identifier.find((i) => i.identityType === "name")?.identityHash ?? "?";
console.log(`VALID: signed by ${credential.issuer.name} (key ${result.kid})`);
console.log(`  holder:  ${name}`);
console.log(`  course:  ${credential.credentialSubject.achievement.name}`);
console.log(`  issued:  ${credential.validFrom}`);
console.log(`  online:  ${credential.id} (says whether it has been revoked since)`);
