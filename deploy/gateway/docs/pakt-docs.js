// Swagger UI on the merged contract, served by the gateway itself (no CDN, no inline script).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null, // no calls to validator.swagger.io: the docs work offline
    presets: [SwaggerUIBundle.presets.apis],
  });
});
