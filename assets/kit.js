/*
 * stellwerk — the interview kit page (scorecard form).
 *
 * The form has two submit buttons: "Save draft" and "Submit". Only the
 * second one is final, so the confirmation sits on that button
 * (data-confirm on the button, not on the form as app.js handles it):
 * pressing it asks first. Without JavaScript the button submits at once;
 * the server still refuses any later change.
 *
 * Before printing, folded sections (other competencies) open, so the paper
 * kit has every rating box.
 */
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (!button || !button.hasAttribute('data-confirm')) return;
    if (!window.confirm(button.getAttribute('data-confirm'))) event.preventDefault();
  });

  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.other-competencies'), function (d) { d.open = true; });
  });
})();
