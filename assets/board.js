/*
 * board.js — drag and drop and keyboard moves on the pipeline board
 * (/positions/{id}/pipeline, R-CAND-2); progressive enhancement only.
 *
 * Without this file every card's own form (stage select + "Move") does the
 * job. With it, cards ([data-application], draggable) can be dropped on a
 * column ([data-stage]) or moved with Alt+ArrowRight / Alt+ArrowLeft to the
 * next / previous column of the main row while focused; Enter on a card
 * focuses its stage select. A move is POSTed to the card form's action with
 * the form's CSRF token and `Accept: application/json`; the card moves at
 * once and goes back with the server's message when the move is refused.
 * A drop on "rejected" opens the server-rendered dialog asking the reason,
 * a note and whether the candidate was informed. Moves are announced in
 * the board's aria-live region. No inline handlers (the CSP forbids them).
 */
(function () {
  'use strict';

  var board = document.querySelector('[data-board]');
  if (!board || !window.fetch || !window.URLSearchParams) return;
  var live = document.querySelector('[data-board-live]');
  var dialog = document.querySelector('[data-reject-dialog]');
  var dragged = null;
  var rejecting = null;     /* the card the reject dialog is about */

  function columnOf(element) { return element && element.closest('[data-stage]'); }
  function listOf(column) { return column.querySelector('[data-cards]'); }
  function labelOf(column) {
    var label = column.querySelector('.board-column-label');
    return label ? label.textContent.trim() : column.getAttribute('data-stage');
  }
  function nameOf(card) {
    var name = card.querySelector('.app-card-name');
    return name ? name.textContent.trim() : '';
  }
  function fill(template, a, b) { return template.replace('%s', a).replace('%s', b); }

  function announce(text) {
    if (!live) return;
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 60);
  }

  function updateCount(column) {
    var count = column.querySelector('[data-count]');
    if (count) count.textContent = String(listOf(column).querySelectorAll('[data-application]').length);
  }

  function clearError(card) {
    var old = card.querySelector('.app-card-error');
    if (old) old.remove();
  }

  function showError(card, message) {
    clearError(card);
    var p = document.createElement('p');
    p.className = 'app-card-error';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    card.insertBefore(p, card.firstChild);
  }

  /* Puts card into column's list (before `before` when given) and keeps
     the select, the counts and the rejection details in step. */
  function place(card, column, before) {
    var from = columnOf(card);
    var list = listOf(column);
    if (before && before.parentNode === list) list.insertBefore(card, before);
    else list.appendChild(card);
    var select = card.querySelector('[data-move-select]');
    if (select) select.value = column.getAttribute('data-stage');
    if (column.getAttribute('data-stage') !== 'rejected') {
      Array.prototype.forEach.call(card.querySelectorAll('.app-card-reason, .app-card-informed'),
        function (el) { el.remove(); });
    }
    var details = column.querySelector('details');
    if (details) details.open = true;
    if (from) updateCount(from);
    updateCount(column);
  }

  /* POSTs fields (plus the CSRF token) to the card's move form; resolves to
     {ok, status, data} with the parsed JSON answer (or null). */
  function send(card, fields) {
    var form = card.querySelector('form');
    var body = new URLSearchParams();
    body.set('csrf', form.elements.csrf.value);
    Object.keys(fields).forEach(function (key) { body.set(key, fields[key]); });
    return fetch(form.action, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'Accept': 'application/json' }
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (data) {
        return { ok: res.ok, status: res.status, data: data };
      });
    });
  }

  function moved(card, column, data) {
    var days = card.querySelector('.app-card-days');
    if (days && data && data.days_in_stage_text) days.textContent = data.days_in_stage_text;
    announce(fill(board.getAttribute('data-msg-moved'), nameOf(card), labelOf(column)));
  }

  /* Moves card to column: at once in the page, back if the server refuses. */
  function move(card, column) {
    var from = columnOf(card);
    if (!card || !column || column === from) return;
    if (column.getAttribute('data-stage') === 'rejected') {
      openReject(card);
      return;
    }
    var next = card.nextSibling;
    clearError(card);
    card.setAttribute('aria-busy', 'true');
    place(card, column);
    card.focus();
    send(card, { stage: column.getAttribute('data-stage') }).then(function (res) {
      card.removeAttribute('aria-busy');
      if (res.ok) {
        moved(card, column, res.data);
        return;
      }
      place(card, from, next);
      var message = (res.data && res.data.detail) || board.getAttribute('data-msg-failed');
      showError(card, message);
      announce(message);
      card.focus();
    }, function () {
      card.removeAttribute('aria-busy');
      place(card, from, next);
      showError(card, board.getAttribute('data-msg-failed'));
      announce(board.getAttribute('data-msg-failed'));
    });
  }

  /* ---- the rejection dialog ---------------------------------------------- */

  function dialogError(messages) {
    var box = dialog.querySelector('[data-reject-error]');
    box.textContent = '';
    if (!messages.length) {
      box.hidden = true;
      return;
    }
    var list = document.createElement('ul');
    messages.forEach(function (m) {
      var li = document.createElement('li');
      li.textContent = m;
      list.appendChild(li);
    });
    box.appendChild(list);
    box.hidden = false;
  }

  function openReject(card) {
    if (!dialog || typeof dialog.showModal !== 'function') {
      /* No dialog support: the plain form leads to the rejection page. */
      var select = card.querySelector('[data-move-select]');
      select.value = 'rejected';
      card.querySelector('form').submit();
      return;
    }
    rejecting = card;
    var form = dialog.querySelector('[data-reject-form]');
    form.reset();
    form.setAttribute('action', card.querySelector('form').getAttribute('action'));
    dialogError([]);
    dialog.querySelector('[data-reject-who]').textContent = nameOf(card);
    dialog.showModal();
    var first = form.querySelector('select');
    if (first) first.focus();
  }

  function closeReject() {
    var card = rejecting;
    rejecting = null;
    if (dialog.open) dialog.close();
    if (card) card.focus();
  }

  function submitReject(event) {
    event.preventDefault();
    var card = rejecting;
    if (!card) return;
    var form = event.target;
    var fields = {};
    new FormData(form).forEach(function (value, key) {
      if (key !== 'csrf') fields[key] = value;
    });
    fields.stage = 'rejected';
    send(card, fields).then(function (res) {
      if (!res.ok) {
        var errors = res.data && res.data.errors ? res.data.errors.map(function (e) { return e.detail; }) : [];
        dialogError(errors.length ? errors : [(res.data && res.data.detail) || board.getAttribute('data-msg-failed')]);
        return;
      }
      var column = board.querySelector('[data-stage="rejected"]');
      clearError(card);
      place(card, column);
      var reason = form.querySelector('select[name="reason"]');
      if (reason && reason.selectedIndex > 0) {
        var p = document.createElement('p');
        p.className = 'app-card-reason';
        p.textContent = reason.options[reason.selectedIndex].textContent;
        var days = card.querySelector('.contact-age');
        card.insertBefore(p, days ? days.nextSibling : card.querySelector('form'));
      }
      moved(card, column, res.data);
      closeReject();
    }, function () {
      dialogError([board.getAttribute('data-msg-failed')]);
    });
  }

  if (dialog) {
    dialog.querySelector('[data-reject-form]').addEventListener('submit', submitReject);
    dialog.querySelector('[data-reject-cancel]').addEventListener('click', closeReject);
    dialog.addEventListener('cancel', function () { rejecting = null; });
  }

  /* ---- drag and drop -------------------------------------------------------- */

  board.addEventListener('dragstart', function (event) {
    var card = event.target.closest && event.target.closest('[data-application]');
    if (!card) return;
    dragged = card;
    card.classList.add('is-dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.getAttribute('data-application'));
  });

  board.addEventListener('dragend', function () {
    if (dragged) dragged.classList.remove('is-dragging');
    dragged = null;
    Array.prototype.forEach.call(board.querySelectorAll('.is-drop-target'),
      function (column) { column.classList.remove('is-drop-target'); });
  });

  board.addEventListener('dragover', function (event) {
    var column = columnOf(event.target);
    if (!dragged || !column) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    column.classList.add('is-drop-target');
  });

  board.addEventListener('dragleave', function (event) {
    var column = columnOf(event.target);
    if (column && !column.contains(event.relatedTarget)) column.classList.remove('is-drop-target');
  });

  board.addEventListener('drop', function (event) {
    var column = columnOf(event.target);
    if (!dragged || !column) return;
    event.preventDefault();
    column.classList.remove('is-drop-target');
    var card = dragged;
    dragged = null;
    card.classList.remove('is-dragging');
    move(card, column);
  });

  /* ---- keyboard ---------------------------------------------------------------- */

  board.addEventListener('keydown', function (event) {
    var card = event.target;
    if (!card.hasAttribute || !card.hasAttribute('data-application')) return;
    if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      var select = card.querySelector('[data-move-select]');
      if (select) select.focus();
      return;
    }
    if (!event.altKey || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    var columns = Array.prototype.slice.call(board.querySelectorAll('.board-main [data-stage]'));
    var at = columns.indexOf(columnOf(card));
    if (at < 0) return;        /* exits: use the stage select to reopen */
    var target = columns[at + (event.key === 'ArrowRight' ? 1 : -1)];
    event.preventDefault();
    if (target) move(card, target);
  });
}());
