/* The auditor's console: keyboard focus follows the details of an entry, and returns to the row. */
var portalAudit = (function () {
  var lastRow = null;
  return {
    toDetails: function (data) {
      if (data.status === 'begin') {
        lastRow = data.source && data.source.id;
      } else if (data.status === 'success') {
        var heading = document.getElementById('details-title');
        if (heading) {
          heading.focus();
        }
      }
    },
    backToTable: function (data) {
      if (data.status === 'success') {
        var button = lastRow && document.getElementById(lastRow);
        (button || document.getElementById('results:entries')).focus();
      }
    }
  };
})();
