import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    // A malformed stored hash is a data problem, not a wrong password: log it, refuse the sign-in.
    console.error("Password hash could not be verified", error);
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 8;
