// The ledger page's print button (no inline handlers: the Content-Security-Policy allows scripts from files only).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
