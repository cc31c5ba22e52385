/*
 * offer.js — the earliest possible start on the offer page, live (R-TIME-4).
 *
 * When the notice rule or the notice weeks of the terms form change, the
 * page is asked again with those values (?notice_rule=&notice_weeks=, the
 * same GET the "Compute the earliest start" form sends without JavaScript)
 * and the earliest-start line is replaced by the server's answer, so the
 * date always comes from the server's notice and holiday rules.
 */
(function () {
  'use strict';
  var form = document.querySelector('.offer-form form');
  if (!form || !window.fetch || !window.DOMParser) return;
  var rule = form.querySelector('[name="notice_rule"]');
  var weeks = form.querySelector('[name="notice_weeks"]');
  if (!rule || !weeks) return;
  var pending = 0;

  function update() {
    var asked = ++pending;
    var url = window.location.pathname + '?notice_rule=' + encodeURIComponent(rule.value) +
      '&notice_weeks=' + encodeURIComponent(weeks.value || '0');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        if (!html || asked !== pending) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.querySelector('.offer-earliest');
        var current = document.querySelector('.offer-earliest');
        if (fresh && current) {
          /* keep the aria-live element, so screen readers announce the new date */
          current.replaceChildren.apply(current, Array.prototype.map.call(fresh.childNodes, function (n) {
            return document.importNode(n, true);
          }));
          current.setAttribute('data-day', fresh.getAttribute('data-day') || '');
        }
        var checkRule = document.getElementById('nc-rule');
        var checkWeeks = document.getElementById('nc-weeks');
        if (checkRule) checkRule.value = rule.value;
        if (checkWeeks) checkWeeks.value = weeks.value || '0';
      })
      .catch(function () { /* the no-script form still works */ });
  }

  rule.addEventListener('change', update);
  weeks.addEventListener('change', update);
})();
