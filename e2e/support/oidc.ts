import http from "node:http";

/**
 * A real OpenID Connect provider for the SSO tests (issue 14 point 5): `oidc-provider` on a loopback
 * port with one static client (Rolebook's callback /api/auth/callback/oidc) and its built-in
 * development login form (any password; the login name picks an account from `accounts`). Accounts
 * are looked up when the provider asks, so a test may add one before signing in with it.
 */
export type OidcAccount = { email: string; emailVerified: boolean; name?: string };

export async function startOidcProvider(options: { port: number; appUrl: string; accounts: OidcAccount[] }) {
  // oidc-provider is ESM only (loaded at run time) and ships no type declarations.
  // @ts-expect-error -- no types for oidc-provider; the shape used is declared below
  const { Provider } = (await import("oidc-provider")) as unknown as { Provider: new (issuer: string, config: Record<string, unknown>) => { callback(): http.RequestListener } };
  const issuer = `http://127.0.0.1:${options.port}`;
  const client = { clientId: "rolebook-e2e", clientSecret: "rolebook-e2e-secret-0123456789abcdef" };
  const accounts = options.accounts;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [`${options.appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["rolebook-e2e-oidc-cookie-key"] },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.find((a) => a.email === sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified, ...(account.name ? { name: account.name } : {}) };
        },
      };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    ...client,
    accounts,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
export type OidcProvider = Awaited<ReturnType<typeof startOidcProvider>>;
