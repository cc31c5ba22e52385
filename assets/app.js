/*
 * stellwerk — progressive enhancement for server-rendered pages.
 *
 * Every page works without this file. When it loads it adds small
 * conveniences: a confirmation prompt for forms marked data-confirm, a
 * copy-to-clipboard button for one-time secrets ([data-copy]), fading out
 * success messages (.flash-ok) unless the user prefers reduced motion, the
 * "/" key to jump to the page's search field, the profile checks as you
 * type, and the job-ad editor's live check, jump-to-finding and one-click
 * fixes. No dependencies, no inline handlers (the CSP forbids them),
 * nothing stored.
 */
(function () {
  'use strict';

  var FLASH_DELAY_MS = 6000;
  var COPIED_MS = 2000;

  /* Ask before submitting a form that carries data-confirm="question". */
  function confirmOnSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) return;
    if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
  }

  /* Copy the text of the element named by data-copy; confirm in the label. */
  function copyFromTarget(button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var done = button.getAttribute('data-copied-label');
      if (!done) return;
      if (!button.hasAttribute('data-label')) button.setAttribute('data-label', button.textContent);
      button.textContent = done;
      clearTimeout(button.copyTimer);
      button.copyTimer = setTimeout(function () {
        button.textContent = button.getAttribute('data-label');
      }, COPIED_MS);
    }, function () { /* clipboard refused: the text stays selectable */ });
  }

  function onClick(event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (button) {
      event.preventDefault();
      copyFromTarget(button);
    }
    /* [data-print] buttons open the browser's print dialog (print stylesheet). */
    if (event.target.closest && event.target.closest('[data-print]')) window.print();
  }

  /* Profile checks as you type: a form with data-live-check="URL" posts its
     unsaved content there after a pause; the answer replaces #checks. */
  var liveTimer = 0;
  function liveCheck(event) {
    var form = event.target && event.target.form;
    var panel = document.getElementById('checks');
    if (!form || !panel || !form.hasAttribute('data-live-check') || !window.fetch) return;
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () {
      fetch(form.getAttribute('data-live-check'), {
        method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(form))
      }).then(function (res) { return res.ok ? res.text() : null; }).then(function (html) {
        if (!html) return;
        var box = document.createElement('template');
        box.innerHTML = html;
        var fresh = box.content.getElementById('checks');
        if (fresh) document.getElementById('checks').replaceWith(fresh);
      }).catch(function () { /* the checks refresh on the next save */ });
    }, 400);
  }

  /* ---- Job-ad editor (form[data-ad-check]) ----------------------------------
     The form posts its unsaved text to data-ad-check after a pause in typing;
     the answer is the findings panel (#ad-findings), swapped in whole. Each
     finding names its field (data-field) and the flagged text's place there
     as UTF-16 offsets (data-from, data-to), the unit of setSelectionRange. */
  var AD_CHECK_DELAY_MS = 600;
  var adTimer = 0;
  var adSequence = 0;

  function adForm() {
    return document.querySelector('form[data-ad-check]');
  }

  function adFieldFor(form, key) {
    var field = form && key ? form.elements.namedItem(key) : null;
    return field && (field.tagName === 'TEXTAREA' || field.tagName === 'INPUT') ? field : null;
  }

  /* Shows each field's number of findings next to its label. */
  function adUpdateCounts(panel) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-count-for]'), function (badge) {
      var key = badge.getAttribute('data-count-for');
      var n = panel ? panel.querySelectorAll('li[data-field="' + key + '"]').length : 0;
      badge.textContent = String(n);
      badge.hidden = n === 0;
    });
  }

  /* Findings highlighted in the text: each field of the form gets a backdrop
     behind it (the field itself turns transparent) that repeats its text
     with <mark> around the flagged passages. Typing in a field clears its
     marks until the next check answers. */
  function adHighlightSetup(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.ad-field textarea, .ad-field input[type="text"]'),
      function (field) {
        if (field.adBackdrop) return;
        var wrap = document.createElement('div');
        wrap.className = 'ad-hl-wrap';
        var backdrop = document.createElement('div');
        backdrop.className = field.tagName === 'INPUT' ? 'ad-hl ad-hl-line' : 'ad-hl';
        backdrop.setAttribute('aria-hidden', 'true');
        field.parentNode.insertBefore(wrap, field);
        wrap.appendChild(backdrop);
        wrap.appendChild(field);
        field.adBackdrop = backdrop;
        field.addEventListener('scroll', function () {
          backdrop.scrollTop = field.scrollTop;
          backdrop.scrollLeft = field.scrollLeft;
        });
      });
  }

  /* Repaints the backdrop of field with marks for ranges [{from, to, severity}]. */
  function adPaint(field, ranges) {
    var backdrop = field.adBackdrop;
    if (!backdrop) return;
    var text = field.value;
    var at = 0;
    backdrop.textContent = '';
    ranges.sort(function (a, b) { return a.from - b.from || b.to - a.to; }).forEach(function (r) {
      if (r.from < at || r.to <= r.from || r.to > text.length) return;
      backdrop.appendChild(document.createTextNode(text.slice(at, r.from)));
      var mark = document.createElement('mark');
      mark.className = 'hl-' + r.severity;
      mark.textContent = text.slice(r.from, r.to);
      backdrop.appendChild(mark);
      at = r.to;
    });
    /* The extra line break keeps a last empty line as tall as in the field. */
    backdrop.appendChild(document.createTextNode(text.slice(at) + '\n'));
    backdrop.scrollTop = field.scrollTop;
    backdrop.scrollLeft = field.scrollLeft;
  }

  function adPaintAll(form, panel) {
    var byField = {};
    Array.prototype.forEach.call(panel ? panel.querySelectorAll('li[data-field][data-from][data-to]') : [],
      function (item) {
        var key = item.getAttribute('data-field');
        var severity = /finding-(error|warning|hint)/.exec(item.className);
        (byField[key] = byField[key] || []).push({
          from: parseInt(item.getAttribute('data-from'), 10),
          to: parseInt(item.getAttribute('data-to'), 10),
          severity: severity ? severity[1] : 'hint'
        });
      });
    Array.prototype.forEach.call(form.querySelectorAll('.ad-field textarea, .ad-field input[type="text"]'),
      function (field) { adPaint(field, byField[field.name] || []); });
  }

  /* Posts the form's text now; the fresh panel replaces the old one unless a
     later check has been started meanwhile. */
  function adCheckNow(form) {
    var panel = document.getElementById('ad-findings');
    if (!panel || !window.fetch) return;
    var sequence = ++adSequence;
    panel.classList.add('is-stale');
    fetch(form.getAttribute('data-ad-check'), {
      method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(form))
    }).then(function (res) { return res.ok ? res.text() : null; }).then(function (html) {
      if (sequence !== adSequence) return;
      var current = document.getElementById('ad-findings');
      if (!html) { if (current) current.classList.remove('is-stale'); return; }
      var box = document.createElement('template');
      box.innerHTML = html;
      var fresh = box.content.getElementById('ad-findings');
      if (!fresh || !current) return;
      current.replaceWith(fresh);
      adUpdateCounts(fresh);
      adPaintAll(form, fresh);
      var status = document.getElementById('ad-check-status');
      var summary = fresh.querySelector('.ad-live-summary');
      if (status && summary) status.textContent = summary.textContent;
    }).catch(function () {
      var current = document.getElementById('ad-findings');
      if (current) current.classList.remove('is-stale');
    });
  }

  function adOnInput(event) {
    var form = event.target && event.target.form;
    if (!form || !form.hasAttribute('data-ad-check')) return;
    /* The offsets of the findings shown no longer hold. */
    var panel = document.getElementById('ad-findings');
    if (panel) panel.classList.add('is-stale');
    adPaint(event.target, []);
    clearTimeout(adTimer);
    adTimer = setTimeout(function () { adCheckNow(form); }, AD_CHECK_DELAY_MS);
  }

  /* Focuses the field of a finding and selects the flagged text. */
  function adJumpTo(item) {
    var form = adForm();
    var field = adFieldFor(form, item.getAttribute('data-field'));
    if (!field) return false;
    var from = parseInt(item.getAttribute('data-from'), 10);
    var to = parseInt(item.getAttribute('data-to'), 10);
    if (isNaN(from) || isNaN(to)) return false;
    field.focus();
    field.setSelectionRange(Math.min(from, field.value.length), Math.min(to, field.value.length));
    if (field.tagName === 'TEXTAREA') {
      /* Bring the selection into view: the textarea scrolls to its caret
         when it is focused anew with the selection in place. */
      field.blur();
      field.focus();
    }
    field.scrollIntoView({ block: 'center', behavior: 'auto' });
    return true;
  }

  /* Replaces the flagged text by the fix in place and checks again at once.
     Returns false when the finding names no field of the form (the button
     then submits and the server applies the fix). When the text has changed
     since the check, nothing is replaced: a fresh check is started instead,
     with fresh fixes. */
  function adApplyFix(button) {
    var item = button.closest('li[data-field]');
    var form = adForm();
    var field = item && adFieldFor(form, item.getAttribute('data-field'));
    if (!field) return false;
    var from = parseInt(item.getAttribute('data-from'), 10);
    var to = parseInt(item.getAttribute('data-to'), 10);
    var panel = document.getElementById('ad-findings');
    clearTimeout(adTimer);
    if (isNaN(from) || isNaN(to) || (panel && panel.classList.contains('is-stale')) ||
        field.value.slice(from, to) !== button.getAttribute('data-match')) {
      adCheckNow(form);
      return true;
    }
    field.focus();
    field.setRangeText(button.getAttribute('data-replacement'), from, to, 'select');
    adPaint(field, []);
    adCheckNow(form);
    return true;
  }

  function adOnClick(event) {
    if (!event.target.closest) return;
    var fix = event.target.closest('#ad-findings .finding-fix');
    if (fix) {
      if (adApplyFix(fix)) event.preventDefault();
      return;
    }
    var jump = event.target.closest('#ad-findings .finding-jump');
    if (jump) {
      var item = jump.closest('li[data-field]');
      if (item && adJumpTo(item)) event.preventDefault();
    }
  }

  /* Success messages collapse after a while; errors and hints stay. */
  function dismissFlashes() {
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    var flashes = document.querySelectorAll('.flash-ok');
    if (!flashes.length) return;
    setTimeout(function () {
      Array.prototype.forEach.call(flashes, function (flash) {
        if (!flash.contains(document.activeElement)) flash.classList.add('is-dismissed');
      });
    }, FLASH_DELAY_MS);
  }

  function isTyping(element) {
    if (!element) return false;
    var tag = element.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
  }

  /* "/" focuses the search field, as in many web apps. */
  function onKeydown(event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(document.activeElement)) return;
    var search = document.querySelector('input[type="search"]');
    if (!search) return;
    event.preventDefault();
    search.focus();
    search.select();
  }

  /* Copy buttons may be sent with the hidden attribute; show them only
     when the clipboard API is there to back them. */
  function revealCopyButtons() {
    if (!navigator.clipboard) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-copy][hidden]'),
      function (button) { button.hidden = false; });
  }

  document.addEventListener('submit', confirmOnSubmit);
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', onKeydown);
  document.addEventListener('input', liveCheck);
  document.addEventListener('change', liveCheck);
  document.addEventListener('input', adOnInput);
  document.addEventListener('click', adOnClick);
  if (adForm()) {
    adHighlightSetup(adForm());
    adPaintAll(adForm(), document.getElementById('ad-findings'));
  }
  revealCopyButtons();
  dismissFlashes();
}());
