/*
 * stellwerk — progressive enhancement for server-rendered pages.
 *
 * Every page works without this file. When it loads it adds four small
 * conveniences: a confirmation prompt for forms marked data-confirm, a
 * copy-to-clipboard button for one-time secrets ([data-copy]), fading out
 * success messages (.flash-ok) unless the user prefers reduced motion, and
 * the "/" key to jump to the page's search field. No dependencies, no
 * inline handlers (the CSP forbids them), nothing stored.
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
  revealCopyButtons();
  dismissFlashes();
}());
