/*
 * The Secretariat's choice of language in Camunda's webapps (issue 13 §5; docs/glossary.md). Every app's
 * scripts/config.js loads it through `customScripts: [..., '../senate/senate-language']`.
 *
 * 1. A language switch on the login page. Camunda 7.24 picks the language from the browser's first language and
 *    offers no choice, so a clerk whose browser is set to English cannot read the Thai platform. The switch keeps
 *    the choice in the browser (localStorage `senate-language`) and reloads the page, so that labels, dates
 *    (moment.js locale) and the form messages all start in the chosen language; every app then prefers it over
 *    the browser's language.
 * 2. "Select" in dropdowns: form-js 1.x writes the placeholder of every select field as the fixed English word
 *    "Select" and has no translation hook, so in Thai the text node is rewritten to "เลือก" where it is shown
 *    (its data only: form-js keeps the node and writes the chosen option's label into it later).
 */

import { appModule, onPageChange } from './senate-page.js';

export var STORAGE_KEY = 'senate-language';
export var LANGUAGES = [
  { key: 'th', label: 'ภาษาไทย' },
  { key: 'en', label: 'English' }
];
var SWITCH_NAME = { th: 'เลือกภาษา', en: 'Choose a language' };
var SELECT_PLACEHOLDER = { th: 'เลือก' };

var currentLanguage = null;

/** The language chosen on the login page, or null (then the browser's language decides). */
export function chosenLanguage(storage) {
  try {
    var value = (storage || window.localStorage).getItem(STORAGE_KEY);
    return LANGUAGES.some(function (language) { return language.key === value; }) ? value : null;
  } catch (e) {
    return null; // storage disabled: the browser's language decides
  }
}

export function chooseLanguage(key, storage) {
  try {
    (storage || window.localStorage).setItem(STORAGE_KEY, key);
  } catch (e) { /* storage disabled: the choice lasts this page only */ }
}

/* --- the switch on the login page ------------------------------------------------------------- */

function renderSwitch() {
  var header = document.querySelector('.form-signin .login-header');
  if (!header) {
    return;
  }
  var language = currentLanguage || 'th';
  var group = header.querySelector('.senate-language');
  if (group && group.getAttribute('data-language') === language) {
    return;
  }
  if (!group) {
    group = document.createElement('div');
    group.className = 'senate-language';
    group.setAttribute('role', 'group');
    header.appendChild(group);
  }
  group.setAttribute('data-language', language);
  group.setAttribute('aria-label', SWITCH_NAME[language] || SWITCH_NAME.en);
  group.textContent = '';
  LANGUAGES.forEach(function (option) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-link senate-language-option';
    button.setAttribute('lang', option.key);
    button.setAttribute('data-language', option.key);
    button.setAttribute('aria-pressed', String(option.key === language));
    button.textContent = option.label;
    button.addEventListener('click', function () {
      if (option.key !== currentLanguage) {
        chooseLanguage(option.key);
        window.location.reload();
      }
    });
    group.appendChild(button);
  });
}

function addStyle() {
  var style = document.createElement('style');
  style.textContent = '.senate-language{margin-top:8px;text-align:center}' +
    '.senate-language-option{padding:2px 8px;color:#1a4d8f}' +
    '.senate-language-option[aria-pressed="true"]{font-weight:bold;text-decoration:underline;color:#1d2433}';
  document.head.appendChild(style);
}

/* --- "Select" in Camunda Forms ---------------------------------------------------------------- */

export function translatePlaceholders(root, language) {
  var text = SELECT_PLACEHOLDER[language];
  if (!text || !root.querySelectorAll) {
    return;
  }
  var shown = root.querySelectorAll('.fjs-select-display.fjs-select-placeholder');
  for (var i = 0; i < shown.length; i++) {
    var node = shown[i].firstChild;
    if (node && node.nodeType === 3 && node.data === 'Select') {
      node.data = text;
    }
  }
}

function watch() {
  onPageChange(function () {
    renderSwitch();
    translatePlaceholders(document, currentLanguage);
  }, true);
}

/* --- AngularJS: the chosen language first ----------------------------------------------------- */

function configureAngular() {
  var module = appModule();
  if (!module) {
    return;
  }
  module.config(['$injector', function ($injector) {
    var chosen = chosenLanguage();
    // Runs after Camunda's determinePreferredLanguage (the browser's language), so the choice wins.
    if (chosen && $injector.has('$translateProvider')) {
      $injector.get('$translateProvider').preferredLanguage(chosen);
    }
  }]);
  module.run(['$rootScope', '$translate', function ($rootScope, $translate) {
    var remember = function () {
      currentLanguage = $translate.use() || $translate.proposedLanguage() || 'th';
      renderSwitch();
      translatePlaceholders(document, currentLanguage);
    };
    remember();
    $rootScope.$on('$translateChangeSuccess', remember);
  }]);
}

addStyle();
configureAngular();
watch();
