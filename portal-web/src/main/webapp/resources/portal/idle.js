// The idle warning: a signed-in session ends after a time without a request (SessionLimits, 15
// minutes by default). A minute before, a dialog says so and offers to stay signed in (a request
// that restarts the session's idle time) or to sign out now; a few seconds before the time is up,
// the page signs out (the sign-out form, with why=idle, while the session still exists) and lands
// on the signed-out page, which says why. Every page load and every Ajax answer starts the count again, as they do on
// the server. A file of its own: the Content-Security-Policy allows no inline script.
(function () {
  var dialog, stay, signOut, warnTimer, endTimer, before;

  function seconds(name, fallback) {
    var value = parseInt(dialog.getAttribute(name), 10);
    return isNaN(value) ? fallback : value;
  }

  function restart() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    var idle = seconds('data-idle-seconds', 900);
    var warnAt = Math.max(idle - 60, 1);
    warnTimer = setTimeout(warn, warnAt * 1000);
    endTimer = setTimeout(end, Math.max(idle - 5, warnAt + 1) * 1000);
  }

  function warn() {
    if (!dialog.hidden) {
      return;
    }
    before = document.activeElement;
    dialog.hidden = false;
    document.body.classList.add('portal-dialog-open');
    stay.focus();
  }

  function close() {
    dialog.hidden = true;
    document.body.classList.remove('portal-dialog-open');
    if (before && typeof before.focus === 'function') {
      before.focus();
    }
  }

  function signOutNow(why) {
    var button = document.getElementById('signout:signOut');
    var reason = document.getElementById('signout-why');
    if (button && reason) {
      reason.value = why;
      button.click();
    } else {
      window.location.assign(dialog.getAttribute('data-signed-out'));
    }
  }

  function end() {
    signOutNow('idle');
  }

  function keepAlive() {
    fetch(dialog.getAttribute('data-keepalive'), {
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'manual'
    }).then(function (response) {
      if (response.status === 204) {
        close();
        restart();
      } else {
        // the session has ended already
        window.location.assign(dialog.getAttribute('data-signed-out'));
      }
    }, function () {
      window.location.assign(dialog.getAttribute('data-signed-out'));
    });
  }

  function wire() {
    dialog = document.getElementById('idle-warning');
    if (!dialog) {
      return; // not signed in
    }
    stay = document.getElementById('idle-stay');
    signOut = document.getElementById('idle-signout');
    stay.addEventListener('click', keepAlive);
    signOut.addEventListener('click', function () {
      signOutNow('');
    });
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        keepAlive();
      } else if (event.key === 'Tab') {
        // focus stays inside the dialog while it is open
        var first = stay, last = signOut;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    if (window.faces && faces.ajax && faces.ajax.addOnEvent) {
      faces.ajax.addOnEvent(function (data) {
        if (data.status === 'success') {
          restart();
        }
      });
    }
    if (window.jQuery) {
      jQuery(document).on('pfAjaxComplete', restart);
    }
    // for the browser tests, which cannot wait fourteen minutes: the warning and the end, now
    window.portalIdle = { warn: warn, end: end };
    restart();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wire);
  } else {
    wire();
  }
})();
