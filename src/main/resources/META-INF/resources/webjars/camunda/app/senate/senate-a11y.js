/*
 * Keyboard, screen reader and "nothing typed is lost" additions to Camunda's webapps (issue 13 §4 and §9), imported
 * by senate-webapps.js, so it runs in every app that loads that file. Camunda's templates cannot be edited from a
 * custom script; what they leave out is added to the page as it renders (one MutationObserver), never by replacing
 * an element that AngularJS or form-js owns.
 *
 * 1. Names: icon-only buttons and links get a Thai accessible name (their tooltip's text, or the NAMES below); the
 *    sign-in fields get a label.
 * 2. Camunda Forms: a required dropdown, radio group or date is announced as required; a field with an error gets
 *    aria-invalid; errors are announced (live region). A task that opens puts the focus on its form, a refused
 *    submit on the first field in error.
 * 3. Dialogs: closing the start dialog (Esc, the close button, a click beside it, "back") when something was typed
 *    asks first; Esc in an open date picker or dropdown closes only that.
 * 4. Messages: a completed task says so and clears earlier error banners, a started process clears them too; the
 *    error banner of a refused submit shows the server's Thai refusal (what is wrong, what to do) instead of the
 *    generic "could not start"/"error while submitting".
 */

var ASK_BEFORE_CLOSING = 'ข้อมูลที่กรอกไว้ในแบบฟอร์มนี้ยังไม่ได้บันทึก หากปิดหน้าต่าง ข้อมูลจะหายไป ต้องการปิดหรือไม่';
var KEEP_TYPING = 'กลับไปกรอกต่อ';
var DISCARD = 'ปิดและทิ้งข้อมูล';
var FIX_THE_MARKED_FIELDS = 'ข้อมูลในแบบฟอร์มยังไม่ครบหรือไม่ถูกต้อง กรุณาแก้ไขช่องที่มีข้อความแจ้งสีแดง แล้วส่งอีกครั้ง' +
  ' (ยังไม่ได้บันทึกข้อมูลใด ๆ)';
var TASK_COMPLETED = 'บันทึกและส่งงานนี้ต่อแล้ว';
var TASK_FORM_NAME = 'แบบฟอร์มงาน';

/*
 * Icon-only controls of Tasklist (and the other apps' shared widgets) with neither text nor tooltip: CSS selector →
 * Thai name. Controls with a tooltip are named from it (see nameControls).
 */
var NAMES = [
  ['.region-toggle[data-region="filters"]', 'ซ่อนหรือแสดงรายการตัวกรอง'],
  ['.region-toggle[data-region="list"]', 'ซ่อนหรือแสดงรายการงาน'],
  ['.region-toggle[data-region="task"]', 'ซ่อนหรือแสดงรายละเอียดงาน'],
  ['.region-toggle, [ng-click*="toggleRegion"]', 'ซ่อนหรือแสดงส่วนนี้'],
  ['.stored-criteria .dropdown-toggle', 'การค้นหาที่บันทึกไว้'],
  ['.app-switch > .dropdown-toggle', 'สลับไปยังระบบงานอื่น'],
  ['[cam-layout-switch-maximize], .maximize, [ng-click*="maximize"]', 'ขยายหรือย่อพื้นที่แบบฟอร์มงาน'],
  ['.unclaim, [ng-click="unclaim()"], [ng-click*="unclaim"]', 'คืนงานนี้ให้สำนัก (ยกเลิกการรับงาน)'],
  ['.reset-assignee', 'คืนงานนี้ให้สำนัก (ยกเลิกการรับงาน)'],
  ['.reset-due-date', 'ล้างวันครบกำหนด'],
  ['.reset-follow-up-date', 'ล้างวันติดตามงาน'],
  ['[ng-click*="openModal($event, filter)"], .filter .edit-filter, a.edit', 'แก้ไขตัวกรองนี้'],
  ['[ng-click*="changeOrder"], .sort-direction, [ng-click*="changeSortOrder"]', 'สลับลำดับจากน้อยไปมากหรือมากไปน้อย'],
  ['[ng-click*="removeSorting"], .remove-sorting', 'ลบการเรียงลำดับนี้'],
  ['[ng-click*="addSorting"], .add-sorting', 'เพิ่มการเรียงลำดับ'],
  ['[ng-click*="dropCriteriaSet"], [ng-click*="removeGroup"], .remove-search', 'ลบเงื่อนไขนี้'],
  ['.glyphicon-menu-up, .glyphicon-menu-down', 'แสดงหรือซ่อนรายละเอียด'],
  ['a.process-definition, .process-definition a, a[href*="process-definition"]', 'ดูแผนผังกระบวนงานนี้'],
  ['.glyphicon-refresh', 'โหลดใหม่'],
  ['.glyphicon-remove', 'ล้างค่า'],
  ['.glyphicon-pencil', 'แก้ไข'],
  ['.glyphicon-plus', 'เพิ่ม']
];

var CONTROLS = 'a[href], a[ng-click], button, [role="button"], input[type="button"], input[type="submit"]';

/** The text an assistive technology would read for the element, roughly: enough to tell "no name" apart. */
function hasName(element) {
  if ((element.getAttribute('aria-label') || '').trim() || (element.getAttribute('title') || '').trim()) {
    return true;
  }
  var labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy && document.getElementById(labelledBy.split(' ')[0])) {
    return true;
  }
  // Rendered text only: Camunda hides some labels on narrower screens (hidden-md), which then name nothing.
  if ((element.value && element.tagName === 'INPUT') || (element.innerText || '').trim()) {
    return true;
  }
  var images = element.querySelectorAll('img[alt]');
  for (var i = 0; i < images.length; i++) {
    if (images[i].getAttribute('alt').trim()) {
      return true;
    }
  }
  return false;
}

function nameControls(root) {
  var controls = root.querySelectorAll(CONTROLS);
  for (var i = 0; i < controls.length; i++) {
    var control = controls[i];
    var named = control.getAttribute('data-senate-named');
    // A name from a tooltip follows it (the sort direction's changes with the order); a fixed one is set once.
    if (named === 'fixed' || (named === null && hasName(control))) {
      continue;
    }
    var name = tooltipOf(control);
    if (named === 'tooltip') {
      if (name) {
        setAttribute(control, 'aria-label', name);
      }
      continue;
    }
    var from = name ? 'tooltip' : 'fixed';
    for (var n = 0; !name && n < NAMES.length; n++) {
      if (control.matches(NAMES[n][0]) || control.querySelector(NAMES[n][0])) {
        name = NAMES[n][1];
      }
    }
    if (name) {
      control.setAttribute('aria-label', name);
      control.setAttribute('data-senate-named', from);
    }
  }
}

/** The Thai text of the control's tooltip, or of its icon's (Camunda puts some tooltips on the icon inside). */
function tooltipOf(control) {
  var carriers = [control].concat(Array.prototype.slice.call(control.querySelectorAll('[uib-tooltip]')));
  for (var i = 0; i < carriers.length; i++) {
    var text = carriers[i].getAttribute('uib-tooltip') || carriers[i].getAttribute('tooltip') || '';
    if (text.trim() && text.indexOf('{{') < 0) {
      return text.trim();
    }
  }
  return '';
}

/**
 * Camunda's typeahead search box carries combobox attributes (aria-expanded, aria-owns) on a plain text box: it is
 * one, and says so.
 */
function comboboxes(root) {
  var boxes = root.querySelectorAll('input[uib-typeahead]');
  for (var i = 0; i < boxes.length; i++) {
    setAttribute(boxes[i], 'role', 'combobox');
    if (!boxes[i].getAttribute('aria-label') && boxes[i].getAttribute('placeholder')) {
      setAttribute(boxes[i], 'aria-label', boxes[i].getAttribute('placeholder'));
    }
  }
}

/*
 * Contrast of at least 4.5:1 (WCAG 2.1 AA) for Camunda's light grey texts on white (#b3b3b3 1.9:1, #777 4.48:1):
 * the "no task" notes and the footer, and the footer's link told apart by more than its colour.
 */
var STYLES = '.well, .no-task { color: #595959; }\n' +
  '.senate-confirm { position: absolute; z-index: 10; left: 10%; right: 10%; top: 30%; padding: 20px;' +
  ' background: #fff; border: 2px solid #b5152b; border-radius: 4px; box-shadow: 0 4px 24px rgba(0,0,0,.35); }\n' +
  '.senate-confirm p { font-size: 16px; color: #222; }\n' +
  '.senate-confirm-actions { text-align: right; }\n' +
  'footer, #footer-timezone, #footer-timezone ~ div, #footer-timezone ~ div .version { color: #595959; }\n' +
  'footer a, #footer-timezone ~ div a { text-decoration: underline; }\n';

function addStyles() {
  var style = document.createElement('style');
  style.setAttribute('data-senate', 'a11y');
  style.textContent = STYLES;
  document.head.appendChild(style);
}

/** The sign-in form has placeholders only: its fields get them as their names. */
function labelSignIn(root) {
  var fields = root.querySelectorAll('form[name="signinForm"] input[placeholder]:not([aria-label])');
  for (var i = 0; i < fields.length; i++) {
    var placeholder = fields[i].getAttribute('placeholder');
    if (placeholder && placeholder.indexOf('{{') < 0) {
      fields[i].setAttribute('aria-label', placeholder);
    }
  }
}

/* --- Camunda Forms: required, invalid, live errors ------------------------------------------ */

var FIELD_CONTROLS = 'input:not([type="hidden"]), textarea, select, [role="combobox"]';

function markFields(root) {
  var fields = root.querySelectorAll('.fjs-form-field');
  for (var i = 0; i < fields.length; i++) {
    var field = fields[i];
    var required = !!field.querySelector('.fjs-asterix');
    var errors = field.querySelectorAll('.fjs-form-field-error li').length > 0;
    var errorBox = field.querySelector('.fjs-form-field-error');
    if (errorBox && errorBox.getAttribute('aria-live') !== 'polite') {
      errorBox.setAttribute('aria-live', 'polite');
    }
    var radios = field.classList.contains('fjs-form-field-radio');
    if (radios) {
      setAttribute(field, 'role', 'radiogroup');
      var label = field.querySelector('.fjs-form-field-label');
      if (label) {
        if (!label.id) {
          label.id = 'senate-label-' + (++labelCounter);
        }
        setAttribute(field, 'aria-labelledby', label.id);
      }
      setAttribute(field, 'aria-required', required ? 'true' : null);
      setAttribute(field, 'aria-invalid', errors ? 'true' : null);
    }
    var controls = field.querySelectorAll(FIELD_CONTROLS);
    for (var c = 0; c < controls.length; c++) {
      var control = controls[c];
      if (control.readOnly || control.disabled || control.closest('.flatpickr-calendar')) {
        continue;
      }
      var type = (control.getAttribute('type') || '').toLowerCase();
      if (type !== 'radio') {
        setAttribute(control, 'aria-required', required && type !== 'checkbox' ? 'true' : null);
      }
      setAttribute(control, 'aria-invalid', errors ? 'true' : null);
    }
  }
}

var labelCounter = 0;

function setAttribute(element, name, value) {
  if (value === null) {
    if (element.hasAttribute(name)) {
      element.removeAttribute(name);
    }
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/** Camunda's notification panels (error and success banners) are announced as they change. */
function liveNotifications(root) {
  var panels = root.querySelectorAll('[notifications-panel], .notifications-panel, .notifications');
  for (var i = 0; i < panels.length; i++) {
    setAttribute(panels[i], 'aria-live', 'assertive');
    setAttribute(panels[i], 'aria-atomic', 'false');
  }
}

/* --- focus --------------------------------------------------------------------------------- */

var focusedTask = null;

function currentTaskId() {
  var match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

/** A task's form, once rendered for a task not focused before, gets the focus (so a reader starts there). */
function focusOpenedTask() {
  var taskId = currentTaskId();
  if (!taskId || taskId === focusedTask) {
    return;
  }
  var forms = document.querySelectorAll('.fjs-form, [cam-tasklist-form] form');
  for (var i = 0; i < forms.length; i++) {
    var form = forms[i];
    if (form.closest('.modal') || !form.querySelector('.fjs-form-field, input, textarea')) {
      continue;
    }
    focusedTask = taskId;
    if (!form.hasAttribute('tabindex')) {
      form.setAttribute('tabindex', '-1');
    }
    if (!form.getAttribute('aria-label')) {
      var title = document.querySelector('.task-details .names h2, .task-details h2, [cam-tasklist-task] h2');
      form.setAttribute('aria-label', TASK_FORM_NAME + (title && title.textContent.trim()
        ? ': ' + title.textContent.trim() : ''));
    }
    if (!document.activeElement || !document.activeElement.closest ||
        !document.activeElement.closest('.modal, input, textarea, select')) {
      form.focus({preventScroll: true});
    }
    return;
  }
}

/**
 * After a submit, the first field in error gets the focus. form-js shows the errors as it validates, and may render
 * the field again just after (the focus then falls to <body>): for a few seconds the focus is put back, unless the
 * clerk has moved it elsewhere.
 */
function focusFirstErrorSoon(scope) {
  var started = Date.now();
  var focusedAt = 0;
  var look = function () {
    var root = scope && document.body.contains(scope) ? scope : document;
    var error = root.querySelector('.fjs-form-field-error li');
    var active = document.activeElement;
    var field = error && error.closest('.fjs-form-field');
    if (field && !field.contains(active)) {
      if (focusedAt && active && active !== document.body) {
        return; // the clerk went on elsewhere
      }
      var control = field.querySelector(
        'input:not([type="hidden"]):not([readonly]), textarea:not([readonly]), select, [role="combobox"]');
      if (control) {
        control.focus();
        focusedAt = focusedAt || Date.now();
      }
    }
    if ((focusedAt ? Date.now() - focusedAt < 3000 : Date.now() - started < 10000)) {
      setTimeout(look, 100);
    }
  };
  setTimeout(look, 0);
}

var SUBMIT_BUTTONS = 'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]';

/* --- dialogs: nothing typed is lost -------------------------------------------------------- */

var DISCARDING = '[ng-click="$dismiss()"], [ng-click="back()"], button.close';

/** The start dialog (or another modal) whose form holds typed data. */
function dirtyModal(element) {
  var modal = element && element.closest ? element.closest('.modal') : null;
  return modal && modal.senateTyped ? modal : null;
}

function topModal() {
  var modals = document.querySelectorAll('.modal');
  return modals.length ? modals[modals.length - 1] : null;
}

function noteTyping(event) {
  var target = event.target;
  // What the clerk did, not what a script did: form-js and flatpickr send change events of their own as they render.
  if (!event.isTrusted || !target || !target.closest) {
    return;
  }
  var modal = target.closest('.modal');
  // The dialog's own search box is not form data; everything typed or chosen in the form is.
  if (modal && target.closest('.fjs-container, .form-container, form[name="genericForm"], .modal-body form') &&
      !target.matches('input[ng-model="page.searchValue"]')) {
    modal.senateTyped = true;
  }
}

function openDatePicker() {
  var inputs = document.querySelectorAll('input');
  for (var i = 0; i < inputs.length; i++) {
    if (inputs[i]._flatpickr && inputs[i]._flatpickr.isOpen) {
      return inputs[i]._flatpickr;
    }
  }
  return null;
}

/**
 * Asks, inside the dialog (so the dialog keeps the keyboard), before its typed data is thrown away: "keep typing"
 * (the default, also Esc) or "close and discard", which runs {@code discard}.
 */
function askBeforeDiscarding(modal, discard) {
  if (modal.querySelector('.senate-confirm')) {
    return;
  }
  var content = modal.querySelector('.modal-content') || modal;
  var before = document.activeElement;
  var box = document.createElement('div');
  box.className = 'senate-confirm';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 'senate-confirm-text');
  box.innerHTML = '<p id="senate-confirm-text"></p><div class="senate-confirm-actions">' +
    '<button type="button" class="btn btn-default senate-confirm-keep"></button> ' +
    '<button type="button" class="btn btn-danger senate-confirm-discard"></button></div>';
  box.querySelector('p').textContent = ASK_BEFORE_CLOSING;
  var keep = box.querySelector('.senate-confirm-keep');
  var drop = box.querySelector('.senate-confirm-discard');
  keep.textContent = KEEP_TYPING;
  drop.textContent = DISCARD;
  var close = function () {
    box.remove();
  };
  keep.addEventListener('click', function () {
    close();
    if (before && before.focus && document.body.contains(before)) {
      before.focus();
    }
  });
  drop.addEventListener('click', function () {
    close();
    modal.senateTyped = false;
    discard();
  });
  content.appendChild(box);
  keep.focus();
}

/** Closes the dialog by its own close button (Camunda's $dismiss), once the clerk has agreed. */
function closeDialog(modal) {
  var button = modal.querySelector('.modal-footer [ng-click="$dismiss()"]') || modal.querySelector(DISCARDING);
  if (button) {
    button.click();
  }
}

function guardDialogs() {
  document.addEventListener('input', noteTyping, true);
  document.addEventListener('change', noteTyping, true);
  document.addEventListener('mousedown', function (event) {
    if (event.target && event.target.closest && event.target.closest('.fjs-dropdownlist-item')) {
      noteTyping(event);
    }
  }, true);
  window.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' && event.keyCode !== 27) {
      return;
    }
    var picker = openDatePicker();
    if (picker) {
      // Esc meant for the date picker closes the picker, and nothing else.
      event.stopPropagation();
      event.preventDefault();
      picker.close();
      return;
    }
    if (document.querySelector('.modal .fjs-dropdownlist')) {
      // An open dropdown: form-js closes it; the dialog (which ignores a handled key) stays.
      event.preventDefault();
      return;
    }
    var modal = topModal();
    var question = modal && modal.querySelector('.senate-confirm');
    if (question) {
      // Esc on the question: keep typing.
      event.stopPropagation();
      event.preventDefault();
      question.querySelector('.senate-confirm-keep').click();
    } else if (modal && modal.senateTyped) {
      event.stopPropagation();
      event.preventDefault();
      askBeforeDiscarding(modal, function () {
        closeDialog(modal);
      });
    }
  }, true);
  window.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest) {
      return;
    }
    var beside = target.classList && target.classList.contains('modal') && target.senateTyped;
    var discarding = target.closest(DISCARDING);
    if (beside || (discarding && dirtyModal(discarding))) {
      event.stopPropagation();
      event.preventDefault();
      var modal = beside ? target : dirtyModal(discarding);
      askBeforeDiscarding(modal, function () {
        if (beside) {
          closeDialog(modal);
        } else {
          discarding.click();
        }
      });
      return;
    }
    var submit = target.closest(SUBMIT_BUTTONS);
    if (submit) {
      focusFirstErrorSoon(submit.closest('.modal') || submit.closest('[cam-tasklist-form], .task-details'));
    }
  }, true);
}

/* --- messages: success clears errors, errors say what is wrong ------------------------------ */

var lastRefusal = null; // {message, at}: the server's Thai refusal of the latest submit
var notifications = null;
var translate = null;

var TASK_SUBMIT = /\/task\/[^/?]+\/(submit-form|complete)(\?|$)/;
var START_SUBMIT = /\/process-definition\/[^?]*\/(submit-form|start)(\?|$)/;

function watchSubmits() {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.senateSubmit = String(method).toUpperCase() === 'POST'
      ? (TASK_SUBMIT.test(url) ? 'task' : START_SUBMIT.test(url) ? 'start' : null) : null;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    if (xhr.senateSubmit) {
      xhr.addEventListener('readystatechange', function () {
        if (xhr.readyState === 4) {
          submitAnswered(xhr.senateSubmit, xhr.status, xhr.responseText);
        }
      });
    }
    return send.apply(this, arguments);
  };
}

function submitAnswered(kind, status, body) {
  if (status >= 200 && status < 300) {
    lastRefusal = null;
    clearErrors();
    if (kind === 'task' && notifications) {
      notifications.addMessage({
        status: (translate && translate.instant('COMPLETE_OK')) || 'ดำเนินการงานเสร็จสิ้นแล้ว',
        message: TASK_COMPLETED,
        duration: 8000,
        exclusive: ['type']
      });
    }
    return;
  }
  var message = null;
  try {
    message = JSON.parse(body).message;
  } catch (e) { /* not JSON: keep the generic text */ }
  lastRefusal = message && /[\u0E00-\u0E7F]/.test(message) ? {message: message, at: Date.now()} : null;
}

function clearErrors() {
  if (notifications) {
    notifications.clear({type: 'danger'});
  }
}

/**
 * Camunda's banner for a refused submit: the server's Thai refusal when there is one (it names the fields and says
 * nothing was saved), else, for the form's own checks, what to do. One such banner at a time.
 */
function explain(notification) {
  var generic = translate ? [translate.instant('PROCESS_START_ERROR'), translate.instant('COMPLETE_ERROR')] : [];
  if (generic.indexOf(notification.status) < 0) {
    return notification;
  }
  if (lastRefusal && Date.now() - lastRefusal.at < 30000) {
    notification.message = lastRefusal.message;
    lastRefusal = null;
  } else if (!notification.message || !/[\u0E00-\u0E7F]/.test(notification.message)) {
    notification.message = FIX_THE_MARKED_FIELDS;
  }
  notification.exclusive = ['type'];
  return notification;
}

export function configureMessages(module) {
  module.config(['$provide', function ($provide) {
    try {
      $provide.decorator('Notifications', ['$delegate', function ($delegate) {
        var addError = $delegate.addError;
        $delegate.addError = function (notification) {
          return addError.call(this, explain(notification));
        };
        return $delegate;
      }]);
    } catch (e) { /* an app without Camunda's notifications */ }
  }]);
  module.run(['$injector', function ($injector) {
    if ($injector.has('Notifications') && $injector.has('$translate')) {
      notifications = $injector.get('Notifications');
      translate = $injector.get('$translate');
    }
  }]);
}

/* --- one pass over what was rendered ------------------------------------------------------- */

export function decorate(root) {
  if (!root.querySelectorAll) {
    return;
  }
  nameControls(root);
  comboboxes(root);
  labelSignIn(root);
  markFields(root);
  liveNotifications(root);
  focusOpenedTask();
}

export function startAccessibility() {
  addStyles();
  watchSubmits();
  guardDialogs();
}
