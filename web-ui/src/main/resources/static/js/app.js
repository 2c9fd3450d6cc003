/* Shop web UI: sends the CSRF token with htmx requests and moves focus to the first field with an
   error. Loaded as an external file (CSP: no inline script, no eval). */
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('csrf-token');
    var header = meta('csrf-header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  function focusFirstError(root) {
    var scope = root && root.isConnected ? root : document;
    var field = scope.querySelector('[aria-invalid="true"]');
    if (field && typeof field.focus === 'function') {
      field.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusFirstError(document);
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    focusFirstError(event.detail && event.detail.elt);
  });
}());
