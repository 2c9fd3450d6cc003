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

  /* Forms marked data-disable-on-submit (checkout, cancel): the first submit disables the button, so a
     double click sends one request. Without JS the form still works; a second submit then carries the
     same idempotency key and ends on the same order. */
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-disable-on-submit')) {
      return;
    }
    if (form.getAttribute('data-submitting') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitting', 'true');
    form.setAttribute('aria-busy', 'true');
    window.setTimeout(function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (button) {
        button.disabled = true;
        var busy = button.getAttribute('data-busy-text');
        if (busy) {
          button.textContent = busy;
        }
      });
    }, 0);
  });

  /* Back/forward cache: a page restored after a submit gets its buttons back. */
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll('form[data-submitting]').forEach(function (form) {
      form.removeAttribute('data-submitting');
      form.removeAttribute('aria-busy');
      form.querySelectorAll('button[type="submit"]').forEach(function (button) {
        button.disabled = false;
      });
    });
  });

  document.addEventListener('htmx:afterSettle', function (event) {
    focusFirstError(event.detail && event.detail.elt);
  });
}());
