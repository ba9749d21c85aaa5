import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * argon2id through Node's own crypto (OpenSSL 3.2+), so no native add-on to build. Hashes are stored in the PHC
 * string format that other argon2 libraries read too: $argon2id$v=19$m=…,t=…,p=…$salt$hash.
 * Parameters: OWASP's first recommendation (19 MiB, 2 passes, 1 lane).
 */
const argon2Async = promisify(argon2);

export interface Argon2Parameters {
  memory: number;
  passes: number;
  parallelism: number;
}

export const DEFAULT_PARAMETERS: Argon2Parameters = { memory: 19_456, passes: 2, parallelism: 1 };
const TAG_LENGTH = 32;
const SALT_LENGTH = 16;
const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

async function derive(password: string, salt: Buffer, parameters: Argon2Parameters, tagLength: number): Promise<Buffer> {
  return argon2Async('argon2id', { message: password, nonce: salt, tagLength, ...parameters });
}

export async function hashPassword(password: string, parameters: Argon2Parameters = DEFAULT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const tag = await derive(password, salt, parameters, TAG_LENGTH);
  return `$argon2id$v=19$m=${parameters.memory},t=${parameters.passes},p=${parameters.parallelism}$${b64(salt)}$${b64(tag)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, memory, passes, parallelism, salt, tag] = match;
  const expected = Buffer.from(tag!, 'base64');
  const actual = await derive(
    password,
    Buffer.from(salt!, 'base64'),
    {
      memory: Number(memory),
      passes: Number(passes),
      parallelism: Number(parallelism),
    },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password: verifying against it costs as much as a real one, so unknown e-mails take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
