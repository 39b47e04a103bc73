// Swagger UI over the exchange's own OpenAPI document, read-only: the document's URL is fixed here (no URL bar, no
// ?url= or ?configUrl=, queryConfigEnabled false), nothing is sent to another host (no validator badge), and no
// operation can be tried from the page (it signs nothing; requests need a participant's signature).
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
  queryConfigEnabled: false,
  validatorUrl: null,
  supportedSubmitMethods: [],
  tryItOutEnabled: false,
  deepLinking: false,
  displayOperationId: true,
  persistAuthorization: false,
  withCredentials: false
});
