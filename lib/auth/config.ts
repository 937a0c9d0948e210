import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { z } from "zod";
import { verifyPassword } from "@/lib/accounts/passwords";
import { findUserByEmail } from "@/lib/accounts/users";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/request-origin";
import { describeErrorForLog } from "@/lib/http/safe-error-log";
import { plainText } from "@/lib/validation/plain-text";
import { authRedirectTarget } from "./return-to";
import { beginSignInAttempt, finishSignInAttempt } from "./sign-in-throttle";
import { createUserSession, endUserSession } from "./user-sessions";

const credentialsSchema = z.object({
  // A control character (NUL) would reach the query and fail as a server error: a wrong login instead.
  email: plainText().trim().min(1).max(200),
  password: plainText().min(1).max(200),
});

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

/** Too many failed sign-ins for the account or the address: refused without checking the password. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Lazy: the environment (AUTH_SECRET, SSO variables) is read per request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth((): NextAuthConfig => {
  const env = getEnv();
  const { microsoftEntraId, google } = env.sso;
  return {
    secret: env.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      // A wrong password is an expected outcome shown to the user, not a server error.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(`[auth] ${describeErrorForLog(error)}`);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        // Also reached by a direct POST to /api/auth/callback/credentials, so the throttle lives here.
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new InvalidLogin();
          const db = await getDb();
          const attempt = {
            email: parsed.data.email,
            address: clientAddress(request.headers, env.proxyTrust),
            now: new Date(),
          };
          // Known and unknown emails take the same path: counted, throttled and answered alike.
          const ticket = await beginSignInAttempt(db, attempt, env.signInLimits);
          if (!ticket) throw new SignInThrottled();
          const user = await findUserByEmail(db, parsed.data.email);
          // Hash even for an unknown account, so timing does not tell which emails exist.
          const ok = Boolean(
            (await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password)) &&
              user?.passwordHash,
          );
          await finishSignInAttempt(
            db,
            ticket,
            { ok, email: attempt.email, now: attempt.now },
            env.signInLimits,
          );
          if (!user || !ok) throw new InvalidLogin();
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(microsoftEntraId
        ? [
            MicrosoftEntraID({
              clientId: microsoftEntraId.clientId,
              clientSecret: microsoftEntraId.clientSecret,
              issuer: microsoftEntraId.issuer,
            }),
          ]
        : []),
      ...(google ? [Google({ clientId: google.clientId, clientSecret: google.clientSecret })] : []),
    ],
    events: {
      // Signing out ends the session itself, not only the browser's copy of the cookie.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endUserSession(await getDb(), sid);
      },
    },
    callbacks: {
      // Only back to this site: a safe path on the public origin (see lib/auth/public-request.ts).
      redirect({ url, baseUrl }) {
        return authRedirectTarget(url, baseUrl);
      },
      // Single sign-on never creates accounts: the company's account must exist (made by an invite).
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        if (!user.email) return "/signin?error=NoAccount";
        return (await findUserByEmail(await getDb(), user.email)) ? true : "/signin?error=NoAccount";
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          let localId: string | undefined;
          if (account.provider === "credentials") {
            localId = user.id;
          } else if (user.email) {
            localId = (await findUserByEmail(await getDb(), user.email))?.id;
          }
          // Every sign-in opens a session row the cookie names; ending the row ends the cookie.
          if (localId) {
            token.sub = localId;
            token.sid = await createUserSession(await getDb(), {
              userId: localId,
              now: new Date(),
              maxAgeMs: SESSION_MAX_AGE_SECONDS * 1000,
            });
          }
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
});

// argon2id hash of a random string: verifying against it costs what a real check costs.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$gC298XlLZYNwbgOX7WX8Dg$XkUQONFE7vd0mc3DF0LbwapQHww/Q577EX1iq0UQTCU";

/** Names of the single sign-on providers switched on by the environment, for the sign-in page. */
export function listSsoProviders(): { id: string; name: string }[] {
  const { microsoftEntraId, google } = getEnv().sso;
  return [
    ...(microsoftEntraId ? [{ id: "microsoft-entra-id", name: "Microsoft Entra ID" }] : []),
    ...(google ? [{ id: "google", name: "Google" }] : []),
  ];
}
