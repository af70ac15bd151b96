// The reply form's quick replies: "Insert into the reply" puts the chosen template's text where the
// cursor is in the reply (or at its end) and returns the focus to the reply. A plain button and a
// labelled select, so the keyboard does all of it.
(function () {
  function insert() {
    var select = document.getElementById('reply:template');
    var body = document.getElementById('reply:body');
    if (!select || !body || !select.value) {
      return;
    }
    var source = document.getElementById('template-text-' + select.value);
    if (!source) {
      return;
    }
    var text = source.textContent;
    var start = typeof body.selectionStart === 'number' ? body.selectionStart : body.value.length;
    var end = typeof body.selectionEnd === 'number' ? body.selectionEnd : start;
    body.value = body.value.slice(0, start) + text + body.value.slice(end);
    body.focus();
    body.setSelectionRange(start + text.length, start + text.length);
  }
  function wire() {
    var button = document.getElementById('insertTemplate');
    if (button) {
      button.addEventListener('click', insert);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
})();
