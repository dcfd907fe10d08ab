/*
 * Dates in the Buddhist Era in Tasklist (loaded by tasklist/scripts/config.js `customScripts`), and what tells
 * cases apart in the task list.
 *
 * Why a script and not the forms: form-js 1.x (Camunda 7.24) renders every `datetime` field with flatpickr and
 * a Gregorian format taken from the browser; a .form file cannot change that. Changing the forms (say, text
 * fields with a pattern) would lose the picker, the ISO value the processes read (`YYYY-MM-DD`, calendar/
 * BangkokTime) and the designer's date field in the Modeler. So every form keeps its date fields, and this script
 * gives each flatpickr instance form-js creates, in every start and task form, the Thai locale and a
 * Buddhist-Era reading and writing of the text: `02/12/2569` and `2/12/2569` mean 2 Dec 2026, which form-js stores
 * as `2026-12-02`. Read-only dates (the case header, Group_CaseHeader) read `7 เม.ย. 2569`. The server checks
 * every date again (form/FormDateRules): a date typed past this script still cannot be saved 543 years ahead.
 *
 * 1. Form dates: Thai month and day names, B.E. year in the picker's header, typed B.E. dates parsed, the picker
 *    scrolled into view inside the start dialog (the dialog's footer no longer hides it).
 * 2. Due dates: next to Tasklist's relative text ("อีก 7 วัน") the date and time in B.E., "(16 ธ.ค. 2569 เวลา
 *    16.30 น.)". A calendar-day deadline is the end of its day, which the SLA planner stores as 00:00 of the next
 *    day (the exact instant the timers and the overdue filter count on): it reads as that day, "สิ้นวัน". The
 *    planner keeps its instant; only the reading changes.
 * 3. Start confirmation: the toast after a start names the case's reference number (the business key the
 *    platform gives, engine/CaseStart), so the clerk can quote it.
 */

import { appModule, appName, onPageChange } from './senate-page.js';

var BUDDHIST_ERA_OFFSET = 543;
var BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000; // Thailand keeps no daylight-saving time.

var MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม',
  'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
var SHORT_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
var DAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];
var SHORT_DAYS = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'];

/** flatpickr's locale (merged by flatpickr over its English defaults). */
var FLATPICKR_TH = {
  weekdays: { shorthand: SHORT_DAYS, longhand: DAYS },
  months: { shorthand: SHORT_MONTHS, longhand: MONTHS },
  firstDayOfWeek: 0,
  rangeSeparator: ' ถึง ',
  scrollTitle: 'เลื่อนเพื่อเพิ่มหรือลด',
  toggleTitle: 'คลิกเพื่อสลับ',
  time_24hr: true,
  ordinal: function () { return ''; }
};

var PLACEHOLDER = 'วว/ดด/ปปปป (พ.ศ.)';

function pad(n) {
  return (n < 10 ? '0' : '') + n;
}

/* --- reading and writing a B.E. date -------------------------------------------------------------- */

/** `02/12/2569` (the civil format a clerk types). */
export function civilDate(date) {
  return pad(date.getDate()) + '/' + pad(date.getMonth() + 1) + '/' + (date.getFullYear() + BUDDHIST_ERA_OFFSET);
}

/** `7 เม.ย. 2569` (how the platform writes a date for reading, calendar/ThaiDates). */
export function shortThaiDate(date) {
  return date.getDate() + ' ' + SHORT_MONTHS[date.getMonth()] + ' ' + (date.getFullYear() + BUDDHIST_ERA_OFFSET);
}

function longThaiDate(date) {
  return date.getDate() + ' ' + MONTHS[date.getMonth()] + ' ' + (date.getFullYear() + BUDDHIST_ERA_OFFSET);
}

function localDate(year, month, day) {
  var date = new Date(year, month - 1, day);
  date.setFullYear(year); // years below 100 would otherwise be read as 19xx
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return undefined; // 31/02, 00/12 …
  }
  return date;
}

/**
 * A typed date as a local date (midnight), or undefined. Day/month/year with `/`, `-` or `.`, the year in B.E.
 * (two digits mean 25xx); Thai digits are read too; `7 เม.ย. 2569` and `7 เมษายน 2569` as the platform writes
 * them; an ISO date (`2026-12-02`, what form-js and the REST API hold) is Gregorian.
 */
export function parseBuddhistDate(text) {
  if (text instanceof Date) {
    return text;
  }
  var s = String(text == null ? '' : text).trim().replace(/[๐-๙]/g, function (d) {
    return String(d.charCodeAt(0) - 0x0E50);
  });
  var iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s);
  if (iso) {
    return localDate(+iso[1], +iso[2], +iso[3]);
  }
  var civil = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(s);
  if (civil) {
    var year = +civil[3] + (civil[3].length === 2 ? 2500 : 0);
    return localDate(year - BUDDHIST_ERA_OFFSET, +civil[2], +civil[1]);
  }
  var written = /^(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$/.exec(s);
  if (written) {
    var month = SHORT_MONTHS.indexOf(written[2]);
    if (month < 0) {
      month = MONTHS.indexOf(written[2]);
    }
    return month < 0 ? undefined : localDate(+written[3] - BUDDHIST_ERA_OFFSET, month + 1, +written[1]);
  }
  return undefined;
}

/* --- 1. form-js date fields --------------------------------------------------------------------- */

function isThai() {
  return String(document.documentElement.getAttribute('lang') || 'th').indexOf('th') === 0;
}

function showYear(instance) {
  var header = instance.calendarContainer && instance.calendarContainer.querySelector('.flatpickr-current-month');
  if (!header) {
    return;
  }
  var year = header.querySelector('.senate-be-year');
  if (!year) {
    year = document.createElement('span');
    year.className = 'senate-be-year';
    year.setAttribute('aria-live', 'polite');
    var previous = yearButton(instance, -1, '‹', 'ปีก่อนหน้า');
    var next = yearButton(instance, 1, '›', 'ปีถัดไป');
    header.appendChild(previous);
    header.appendChild(year);
    header.appendChild(next);
  }
  year.textContent = 'พ.ศ. ' + (instance.currentYear + BUDDHIST_ERA_OFFSET);
}

function yearButton(instance, step, text, label) {
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'senate-be-year-step';
  button.textContent = text;
  button.setAttribute('aria-label', label);
  button.addEventListener('click', function (event) {
    event.preventDefault();
    instance.changeYear(instance.currentYear + step);
  });
  return button;
}

/**
 * form-js opens its picker (flatpickr `static`) always below the field; in the start dialog the last field's picker
 * ran under the dialog's footer and off the window. Where there is no room below and there is above, it opens
 * above the field; otherwise it is scrolled into view.
 */
function placeCalendar(instance) {
  var calendar = instance.calendarContainer;
  var field = instance._input || instance.input;
  if (!calendar || !field) {
    return;
  }
  calendar.classList.remove('senate-open-above');
  var box = field.getBoundingClientRect();
  var height = calendar.offsetHeight || 310;
  var footer = field.closest && field.closest('.modal-content') &&
    field.closest('.modal-content').querySelector('.modal-footer');
  var limit = footer ? footer.getBoundingClientRect().top : window.innerHeight;
  if (box.bottom + height > limit && box.top - height > 0) {
    calendar.classList.add('senate-open-above');
  } else if (calendar.scrollIntoView) {
    window.setTimeout(function () {
      calendar.scrollIntoView({ block: 'nearest' });
    }, 0);
  }
}

export function enhanceDateInput(input) {
  var instance = input && input._flatpickr;
  if (!instance || instance.senateBuddhistEra || !isThai()) {
    return false;
  }
  instance.senateBuddhistEra = true;
  var readOnly = input.readOnly;
  instance.set({
    locale: FLATPICKR_TH,
    // flatpickr asks these for the input's text (its dateFormat) and for the days' accessible names.
    formatDate: function (date, format) {
      if (format === instance.config.dateFormat) {
        return readOnly ? shortThaiDate(date) : civilDate(date);
      }
      return longThaiDate(date);
    },
    parseDate: function (text) {
      return parseBuddhistDate(text);
    }
  });
  if (!readOnly) {
    input.setAttribute('placeholder', PLACEHOLDER);
  }
  instance.calendarContainer.classList.add('senate-buddhist-era');
  instance.calendarContainer.setAttribute('lang', 'th');
  var refresh = function () { showYear(instance); };
  instance.config.onMonthChange.push(refresh);
  instance.config.onYearChange.push(refresh);
  instance.config.onOpen.push(refresh, function () { placeCalendar(instance); });
  refresh();
  return true;
}

function enhanceForms(root) {
  var inputs = (root || document).querySelectorAll('.fjs-form input.fjs-input[type=text]');
  for (var i = 0; i < inputs.length; i++) {
    if (inputs[i]._flatpickr) {
      enhanceDateInput(inputs[i]);
    }
  }
}

function addStyle() {
  var style = document.createElement('style');
  style.textContent =
    // The Gregorian year box is replaced by the B.E. year and its two buttons.
    '.senate-buddhist-era .flatpickr-current-month .numInputWrapper { display: none; }' +
    '.senate-buddhist-era .flatpickr-current-month { display: flex; align-items: center; justify-content: center;' +
    ' gap: 2px; width: 84%; left: 8%; font-size: 105%; }' +
    '.senate-be-year { font-weight: 600; white-space: nowrap; }' +
    '.flatpickr-calendar.static.senate-open-above { top: auto; bottom: calc(100% + 2px); }' +
    '.senate-be-year-step { border: 0; background: transparent; font-size: 1.2em; line-height: 1; padding: 0 4px; cursor: pointer; }' +
    // Above the dialog's footer (flatpickr's z-index is below Bootstrap's modal parts).
    '.modal .fjs-form .flatpickr-calendar.open { z-index: 1060; }' +
    '.senate-due-text { margin-left: 0.3em; white-space: nowrap; }';
  document.head.appendChild(style);
}

/* --- 2. due dates --------------------------------------------------------------------------------- */

/**
 * A due instant as a clerk reads it, in Bangkok time and B.E.: `16 ธ.ค. 2569 เวลา 16.30 น.`; an instant at
 * exactly 00:00 is the end of the day before (a calendar-day deadline): `16 ธ.ค. 2569 สิ้นวัน`.
 */
export function dueText(value) {
  var time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (isNaN(time)) {
    return '';
  }
  var bangkok = new Date(time + BANGKOK_OFFSET_MS); // read with getUTC*: the Bangkok wall clock
  var hours = bangkok.getUTCHours();
  var minutes = bangkok.getUTCMinutes();
  if (hours === 0 && minutes === 0) {
    var dayBefore = new Date(time + BANGKOK_OFFSET_MS - 1);
    return dayBefore.getUTCDate() + ' ' + SHORT_MONTHS[dayBefore.getUTCMonth()] + ' ' +
      (dayBefore.getUTCFullYear() + BUDDHIST_ERA_OFFSET) + ' สิ้นวัน';
  }
  return bangkok.getUTCDate() + ' ' + SHORT_MONTHS[bangkok.getUTCMonth()] + ' ' +
    (bangkok.getUTCFullYear() + BUDDHIST_ERA_OFFSET) + ' เวลา ' + pad(hours) + '.' + pad(minutes) + ' น.';
}

function showDueDate(scope, element, attr) {
  if (attr.amTimeAgo !== 'task.due') {
    return;
  }
  var text = document.createElement('span');
  text.className = 'senate-due-text';
  element[0].parentNode.insertBefore(text, element[0].nextSibling);
  scope.$watch(attr.amTimeAgo, function (due) {
    text.textContent = due && isThai() ? '(' + dueText(due) + ')' : '';
  });
  scope.$on('$destroy', function () {
    if (text.parentNode) {
      text.parentNode.removeChild(text);
    }
  });
}

/* --- 3. the reference number of a case just started ------------------------------------------------ */

var lastStarted = null;

function watchStarts() {
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (String(method).toUpperCase() === 'POST' &&
        /\/process-definition\/.+\/(submit-form|start)(\?|$)/.test(String(url))) {
      this.addEventListener('load', function () {
        if (this.status >= 200 && this.status < 300) {
          try {
            var started = JSON.parse(this.responseText);
            lastStarted = started && started.businessKey ? started.businessKey : null;
          } catch (e) {
            lastStarted = null;
          }
        }
      });
    }
    return open.apply(this, arguments);
  };
}

function configureAngular() {
  var module = appName() === 'tasklist' ? appModule() : null;
  if (!module) {
    return;
  }
  module.config(['$provide', function ($provide) {
    // Each addition on its own: one Tasklist would not offer must never stop the app from starting.
    try {
      decorateDueDates($provide);
    } catch (e) {
      console.error('senate-dates: due dates in B.E. not shown', e);
    }
    try {
      decorateStartNotice($provide);
    } catch (e) {
      console.error('senate-dates: reference number not added to the start notice', e);
    }
  }]);
}

function decorateDueDates($provide) {
  $provide.decorator('amTimeAgoDirective', ['$delegate', function ($delegate) {
    var directive = $delegate[0];
    var compile = directive.compile;
    directive.compile = function () {
      var link = compile.apply(this, arguments);
      return function (scope, element, attr) {
        var post = typeof link === 'function' ? link : link && link.post;
        if (post) {
          post.apply(this, arguments);
        }
        showDueDate(scope, element, attr);
      };
    };
    return $delegate;
  }]);
}

function decorateStartNotice($provide) {
  // $translate through the injector, when a message is added: the locale loader needs Notifications itself.
  $provide.decorator('Notifications', ['$delegate', '$injector', function ($delegate, $injector) {
    var addMessage = $delegate.addMessage;
    $delegate.addMessage = function (notification) {
      var started = lastStarted;
      if (notification && started &&
          notification.status === $injector.get('$translate').instant('PROCESS_START_OK')) {
        lastStarted = null;
        notification.message = 'เลขที่เรื่อง ' + started;
        notification.duration = Math.max(notification.duration || 0, 15000); // time to note it down
      }
      return addMessage.apply(this, arguments);
    };
    return $delegate;
  }]);
}

function watchForms() {
  onPageChange(function () {
    enhanceForms(document);
  }, false);
}

if (typeof document !== 'undefined' && typeof window !== 'undefined' && window.MutationObserver) {
  addStyle();
  watchStarts();
  configureAngular();
  watchForms();
}
