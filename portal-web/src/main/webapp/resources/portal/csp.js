/* PrimeFaces' CSP mode wants the page's nonce in every form a postback comes from, and adds it when
   the page loads. A form that Faces' Ajax (f:ajax) re-renders loses it: add it again after each
   update (the nonce stays the same for the view). */
document.addEventListener('DOMContentLoaded', function () {
  if (window.faces && faces.ajax && window.PrimeFaces && PrimeFaces.csp) {
    faces.ajax.addOnEvent(function (data) {
      if (data.status === 'success' && PrimeFaces.csp.NONCE_VALUE) {
        PrimeFaces.csp.init(PrimeFaces.csp.NONCE_VALUE);
      }
    });
  }
});
