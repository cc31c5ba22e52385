/*
 * import.js — live progress of a running candidate import (R-CAND-4).
 *
 * The progress page (page_import.c) carries data-import-status with the URL
 * of its JSON status. While the import runs, this polls it every 500 ms and
 * moves the <progress> bar and the status line; when the run has ended it
 * reloads the page, which then shows the result rendered by the server.
 * Without JavaScript the page refreshes itself (meta refresh in noscript).
 */
(function () {
  'use strict';

  var POLL_MS = 500;

  function start() {
    var box = document.querySelector('[data-import-status]');
    if (!box || box.getAttribute('data-state') !== 'running') return;
    var url = box.getAttribute('data-import-status');
    var bar = document.getElementById('import-bar');
    var line = document.getElementById('import-state');

    function poll() {
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) throw new Error('status ' + res.status);
          return res.json();
        })
        .then(function (st) {
          if (st.state !== 'running') {
            window.location.reload();
            return;
          }
          if (bar) {
            bar.max = st.total > 0 ? st.total : 1;
            bar.value = st.done;
            bar.textContent = st.text;
          }
          if (line && line.textContent !== st.text) line.textContent = st.text;
          setTimeout(poll, POLL_MS);
        })
        .catch(function () {
          /* a network hiccup: try again a little later */
          setTimeout(poll, POLL_MS * 4);
        });
    }
    setTimeout(poll, POLL_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
