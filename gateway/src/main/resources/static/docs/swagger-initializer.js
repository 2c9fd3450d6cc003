// The gateway's Swagger UI: the specs come from /docs/swagger-config (one per service, each fetched through its
// gateway route /docs/specs/<name>); "Try it out" calls this origin with the token entered under "Authorize".
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    configUrl: '/docs/swagger-config',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    // no call to the public validator service; no configuration from the page's query string
    validatorUrl: null,
    queryConfigEnabled: false,
    // the token lives only in the page's memory (not in localStorage)
    persistAuthorization: false,
    displayRequestDuration: true
  });
});
