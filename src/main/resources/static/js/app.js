// Sends the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// A select marked data-autosubmit sends its form when changed (inline handlers are refused by the CSP).
document.addEventListener('change', function (event) {
  if (event.target.matches && event.target.matches('select[data-autosubmit]')) {
    event.target.form.submit();
  }
});
