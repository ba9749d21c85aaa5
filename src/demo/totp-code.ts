import { currentTotpCode } from '../services/auth/totp.ts';

/** `npm run totp -- <base32 secret>`: the current six-digit code, for the demo accounts without a phone at hand. */
const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('Usage: npm run totp -- <base32 secret>   (the secrets are printed at npm start)');
  process.exit(1);
}
console.log(currentTotpCode(secret.toUpperCase()));
