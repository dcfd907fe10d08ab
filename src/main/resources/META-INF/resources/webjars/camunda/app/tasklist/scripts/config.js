/*
 * tasklist configuration of the Senate Secretariat (overrides Camunda's webjar file of the same path).
 * Options: https://docs.camunda.org/manual/7.24/webapps/tasklist/configuration/
 */

// RequireJS gives up on a module that takes more than 7 s (its default) and the app then stays on its splash screen
// for good: Camunda loads its built-in plugin package that way, before `requireJsConfig` below would apply. A slow
// first answer (a busy server, a slow line) must only make the page slower. 0 = wait as long as it takes.
if (window.require && typeof window.require.config === 'function') {
  window.require.config({waitSeconds: 0});
}

export default {
  // The name in the header and the browser tab: "<vendor> <name>".
  app: {
    name: 'ระบบรายการงาน',
    vendor: 'สำนักงานเลขาธิการวุฒิสภา'
  },
  // Thai first (a Thai browser, or any browser whose language is not offered, gets Thai); English stays
  // selectable under "My profile". Labels and the moment.js date locale are in locales/<lang>.json.
  locales: {
    availableLocales: ['th', 'en'],
    fallbackLocale: 'th'
  },
  // moment.js formats of the locale's dateLocales.longDateFormat: in Thai "26 พฤศจิกายน 2569 เวลา 09:00 น.";
  // ../senate/senate-webapps.js shows them in Asia/Bangkok time and, in Thai, with Buddhist Era years.
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL',
    abbr: 'lll'
  },
  // The Secretariat's header in place of the "migrate to Camunda 8" banner, Thai dates, Thai form messages
  // (senate-webapps, every app); the login page's language switch (senate-language); Buddhist-Era date fields in
  // every form, due dates in B.E. and the reference number of a case just started (senate-dates, Tasklist only:
  // the forms are Tasklist's); the bureau head's KPI view (its figures, overdue work; senate-bureau-kpi).
  customScripts: [
    '../senate/senate-webapps',
    '../senate/senate-language',
    '../senate/senate-dates',
    'scripts/senate-kpi/senate-bureau-kpi.js',
  ],
  // Keyboard shortcuts (descriptions appear in the shortcut help).
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'รับงานที่เลือกอยู่มาดำเนินการ'},
    focusFilter: {key: 'ctrl+shift+f', description: 'ไปยังตัวกรองแรกในรายการตัวกรอง'},
    focusList: {key: 'ctrl+alt+l', description: 'ไปยังงานแรกในรายการงาน'},
    focusForm: {key: 'ctrl+alt+f', description: 'ไปยังช่องกรอกข้อมูลแรกในแบบฟอร์มงาน'},
    startProcess: {key: 'ctrl+alt+p', description: 'เปิดหน้าต่างเริ่มกระบวนงาน'}
  },
  disableWelcomeMessage: false
};
