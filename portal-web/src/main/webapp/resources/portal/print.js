// "Print" on a conversation: the browser's print dialog. The print stylesheet (portal.css,
// @media print) leaves out the menus, the header and footer, forms and buttons. A plain button
// wired here, as the Content-Security-Policy allows no inline script.
(function () {
  function wire() {
    var button = document.getElementById('print');
    if (button) {
      button.addEventListener('click', function () {
        window.print();
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
})();
