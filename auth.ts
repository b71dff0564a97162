import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./auth.config";
import { checkCredentials } from "./lib/auth/signin";

/** Sign-in refused; `code` is "invalid" or "locked:<minutes>" and is read by the sign-in form. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1000),
});

export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason === "locked" ? `locked:${result.minutes}` : "invalid");
        return { id: String(result.person.id), sessionVersion: result.person.sessionVersion } as never;
      },
    }),
  ],
});
