// Swagger UI on the merged contract, served by the gateway itself (no CDN, no inline script).
// Authorize logs in through the login page: authorization code with PKCE for the public
// client `pakt-docs` (seeded by `pakt seed`); no client secret, so nothing to type but the
// user's own credentials on auth's page.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null, // no calls to validator.swagger.io: the docs work offline
    oauth2RedirectUrl: window.location.origin + "/docs/oauth2-redirect.html",
    presets: [SwaggerUIBundle.presets.apis],
  });
  window.ui.initOAuth({
    clientId: "pakt-docs",
    usePkceWithAuthorizationCodeGrant: true,
    scopes: "openid profile offline_access",
  });
});
