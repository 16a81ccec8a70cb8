// Browsable view of the server's own OpenAPI document (/openapi), kept in a file of its own so the page needs
// no inline script.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '../openapi',
    dom_id: '#swagger-ui',
    deepLinking: true
  });
});
