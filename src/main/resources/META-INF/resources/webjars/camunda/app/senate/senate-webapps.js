/*
 * The Senate Secretariat's additions to Camunda's webapps (Tasklist, Cockpit, Admin, Welcome).
 * Every app's scripts/config.js loads this file through `customScripts: ['../senate/senate-webapps']`;
 * Camunda 7.24 imports custom scripts as ES modules before it starts the AngularJS app.
 *
 * 1. Header: Camunda 7.24 always renders a banner from the label BANNER_CE_EOL_TEXT ("It is time to
 *    migrate to Camunda 8 ..."). Every language's labels get the Secretariat's header in its place; in
 *    Admin followed by the engine's support status (Camunda 7 CE gets no more community security fixes).
 * 2. Dates: every date a person reads goes through moment.js with a "long date" token (L, LL, LLL,
 *    LLLL, LT ...; Camunda's camDate filter and config.js `dateFormat`). Those are shown in
 *    Asia/Bangkok time, and in Thai (locale `th`, defined by `dateLocales` in locales/th.json) with
 *    Buddhist Era years. Formats without such a token (the ISO dates sent to the REST API) are untouched.
 * 3. Camunda Forms: form-js has no translation hook and Tasklist creates its forms without extra
 *    modules, so its English validation messages are translated where they are shown.
 * 4. Reference numbers: the platform gives every case its number and refuses one chosen by the caller
 *    (engine/CaseStart). Tasklist's generic start form (a process without a Camunda Form) offers a
 *    "Business key" field; it is hidden so that a clerk is never invited to type one. Camunda Forms starts
 *    send no business key.
 * 5. Keyboard, screen reader, the start dialog's Esc guard and truthful messages: senate-a11y.js (imported here, so
 *    every app that loads this file has them).
 */

import { configureMessages, decorate, startAccessibility } from './senate-a11y.js';
import { appModule, appName, onPageChange } from './senate-page.js';

var BUDDHIST_ERA_OFFSET = 543;
var BANGKOK_UTC_OFFSET_MINUTES = 7 * 60; // Thailand keeps no daylight-saving time.

var HEADER = {
  th: '<span class="senate-header"><strong>สำนักงานเลขาธิการวุฒิสภา</strong>' +
    ' · ระบบบริหารงานตามกระบวนงานดิจิทัล</span>',
  en: '<span class="senate-header"><strong>The Secretariat of the Senate (สำนักงานเลขาธิการวุฒิสภา)</strong>' +
    ' · Digital process platform</span>'
};

/*
 * Admin only, after the header: the engine's support status, which the banner replaced by the header said in
 * its own way. Administrators decide about it (README, Operations, "Camunda 7 support status").
 */
var SUPPORT_NOTICE = {
  th: ' <span class="senate-support-notice">· Camunda 7 CE 7.24 เป็นรุ่นชุมชนรุ่นสุดท้าย' +
    ' ไม่มีการแก้ไขช่องโหว่ความปลอดภัยจากชุมชนอีกต่อไป (ดูทางเลือกใน README หัวข้อ Camunda 7 support status)</span>',
  en: ' <span class="senate-support-notice">· Camunda 7 CE 7.24 is the last community release and gets no more' +
    ' community security fixes (see the options in the README, "Camunda 7 support status")</span>'
};

/*
 * A required field that is chosen, not typed (dropdown, radio, checkboxes, tags), says "choose"; a date says how it
 * is given. Keyed by the form-js field's class.
 */
var REQUIRED_BY_TYPE_TH = {
  'fjs-form-field-select': 'กรุณาเลือกรายการในช่องนี้',
  'fjs-form-field-radio': 'กรุณาเลือกหนึ่งรายการ',
  'fjs-form-field-checklist': 'กรุณาเลือกอย่างน้อยหนึ่งรายการ',
  'fjs-form-field-taglist': 'กรุณาเลือกอย่างน้อยหนึ่งรายการ',
  'fjs-form-field-datetime': 'กรุณากรอกหรือเลือกวันที่'
};

var FORM_MESSAGES_TH = [
  [/^Field is required\.$/, 'กรุณากรอกข้อมูลในช่องนี้'],
  [/^Field must match pattern (.*)\.$/, 'ข้อมูลไม่ตรงตามรูปแบบที่กำหนด ($1)'],
  [/^Field must have minimum value of (.*)\.$/, 'ค่าต้องไม่น้อยกว่า $1'],
  [/^Field must have maximum value of (.*)\.$/, 'ค่าต้องไม่เกิน $1'],
  [/^Field must have minimum length of (.*)\.$/, 'ต้องมีความยาวอย่างน้อย $1 ตัวอักษร'],
  [/^Field must have maximum length of (.*)\.$/, 'ต้องมีความยาวไม่เกิน $1 ตัวอักษร'],
  [/^Field must be a valid\s+international phone number\. \(e\.g\. (.*)\)$/,
    'กรุณากรอกหมายเลขโทรศัพท์ในรูปแบบสากล (เช่น $1)'],
  [/^Field must be a valid email\.$/, 'กรุณากรอกอีเมลให้ถูกต้อง'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    'กรุณาเลือกค่าที่ถูกต้อง ค่าที่ใกล้เคียงที่สุดคือ $1 และ $2']
];

var currentLanguage = null;

/* --- dates ------------------------------------------------------------------------------------- */

/** moment.js as the webapps use it: the one instance in Camunda's shared webpack bundle. */
function findMoment() {
  var chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  var require = null;
  chunks.push([['senate-webapps-' + Date.now()], {}, function (r) { require = r; }]);
  if (!require) {
    return null;
  }
  var isMoment = function (m) {
    return m && typeof m.defineLocale === 'function' && m.fn && typeof m.fn.format === 'function';
  };
  try {
    if (require.m[98024] && isMoment(require(98024))) {
      return require(98024); // moment's module in Camunda 7.24.0's lib/deps.js
    }
  } catch (e) { /* another build: search below */ }
  var ids = Object.keys(require.m);
  for (var i = 0; i < ids.length; i++) {
    var source = Function.prototype.toString.call(require.m[ids[i]]);
    if (source.indexOf('defineLocale') > -1 && source.indexOf('updateLocale') > -1 &&
        source.indexOf('isMoment') > -1 && source.length > 50000) {
      try {
        var candidate = require(ids[i]);
        if (isMoment(candidate)) {
          return candidate;
        }
      } catch (e) { /* not it */ }
    }
  }
  return null;
}

var LONG_TOKENS = /(\[[^\]]*\])|(LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)/g;
var YEAR_TOKENS = /(\[[^\]]*\])|(YYYY|YY)/g;

function hasLongToken(format) {
  return /[Ll]/.test(format.replace(/\[[^\]]*\]/g, ''));
}

export function patchMoment(moment) {
  if (!moment || moment.fn.senateFormat) {
    return;
  }
  var format = moment.fn.format;
  moment.fn.senateFormat = format;
  moment.fn.format = function (input) {
    if (typeof input !== 'string' || !hasLongToken(input) || !this.isValid()) {
      return format.apply(this, arguments);
    }
    var local = this.clone().utcOffset(BANGKOK_UTC_OFFSET_MINUTES);
    var data = local.localeData();
    var expanded = input;
    for (var i = 0; i < 5 && hasLongToken(expanded); i++) {
      expanded = expanded.replace(LONG_TOKENS, function (all, bracket, token) {
        return bracket || data.longDateFormat(token) || token;
      });
    }
    if (String(local.locale()).indexOf('th') === 0) {
      var year = String(local.year() + BUDDHIST_ERA_OFFSET);
      expanded = expanded.replace(YEAR_TOKENS, function (all, bracket, token) {
        return bracket || '[' + (token === 'YYYY' ? year : year.slice(-2)) + ']';
      });
    }
    return format.call(local, expanded);
  };
}

/* --- Camunda Forms ---------------------------------------------------------------------------- */

export function translateFormMessage(text, fieldClasses) {
  if (fieldClasses && FORM_MESSAGES_TH[0][0].test(text)) {
    for (var type in REQUIRED_BY_TYPE_TH) {
      if (fieldClasses.contains(type)) {
        return REQUIRED_BY_TYPE_TH[type];
      }
    }
  }
  for (var i = 0; i < FORM_MESSAGES_TH.length; i++) {
    if (FORM_MESSAGES_TH[i][0].test(text)) {
      return text.replace(FORM_MESSAGES_TH[i][0], FORM_MESSAGES_TH[i][1]);
    }
  }
  return text;
}

function translateFormErrors(root) {
  if (currentLanguage !== 'th' || !root.querySelectorAll) {
    return;
  }
  var items = root.querySelectorAll('.fjs-form-field-error li');
  for (var i = 0; i < items.length; i++) {
    var field = items[i].closest('.fjs-form-field');
    // The text node form-js rendered is changed in place, never replaced: form-js keeps it and, when it renders the
    // same error again, leaves it be; replacing it (textContent) made form-js add its English text beside ours
    // ("กรุณากรอกข้อมูลในช่องนี้Field is required.").
    var nodes = items[i].childNodes;
    for (var n = 0; n < nodes.length; n++) {
      if (nodes[n].nodeType === 3) {
        var translated = translateFormMessage(nodes[n].data, field && field.classList);
        if (translated !== nodes[n].data) {
          nodes[n].data = translated;
        }
      }
    }
  }
}

function watchForms() {
  onPageChange(function () {
    translateFormErrors(document);
    decorate(document);
  }, true);
}

/* --- AngularJS: header label and current language ------------------------------------------- */

function configureAngular() {
  var module = appModule();
  if (!module) {
    return;
  }
  var name = appName();
  // config.js `dateFormat` for every app: Cockpit 7.24 fixes its own ISO-like formats before loading the
  // custom scripts, so they are set again here (this block runs after the app's own).
  var conf = window['cam' + name.charAt(0).toUpperCase() + name.slice(1) + 'Conf'];
  module.config(['$injector', function ($injector) {
    if (conf && conf.dateFormat && $injector.has('camDateFormatProvider')) {
      var formats = $injector.get('camDateFormatProvider');
      Object.keys(conf.dateFormat).forEach(function (kind) {
        formats.setDateFormat(conf.dateFormat[kind], kind);
      });
    }
  }]);
  module.config(['$provide', function ($provide) {
    // The footer names the zone the dates are shown in: Asia/Bangkok, whatever the computer's zone.
    if ($provide && $provide.decorator) {
      try {
        $provide.decorator('camWidgetFooterDirective', ['$delegate', function ($delegate) {
          var directive = $delegate[0];
          var link = directive.link;
          directive.compile = function () {
            return function (scope) {
              if (link) {
                link.apply(this, arguments);
              }
              scope.timezoneName = 'Asia/Bangkok';
            };
          };
          return $delegate;
        }]);
      } catch (e) { /* an app without Camunda's footer */ }
    }
    $provide.decorator('localeLoader', ['$delegate', function ($delegate) {
      return function (options) {
        return $delegate(options).then(function (labels) {
          labels.BANNER_CE_EOL_TEXT = (HEADER[options.key] || HEADER.en) +
            (name === 'admin' ? SUPPORT_NOTICE[options.key] || SUPPORT_NOTICE.en : '');
          return labels;
        });
      };
    }]);
  }]);
  configureMessages(module);
  module.run(['$rootScope', '$translate', function ($rootScope, $translate) {
    var remember = function () {
      currentLanguage = $translate.use() || $translate.proposedLanguage();
      document.documentElement.setAttribute('lang', currentLanguage || 'th');
      translateFormErrors(document);
    };
    remember();
    $rootScope.$on('$translateChangeSuccess', remember);
  }]);
}

function hideBusinessKeyField() {
  var style = document.createElement('style');
  style.textContent = '.form-group:has(#business-key-field) { display: none; }';
  document.head.appendChild(style);
}

patchMoment(findMoment());
configureAngular();
watchForms();
hideBusinessKeyField();
startAccessibility();
