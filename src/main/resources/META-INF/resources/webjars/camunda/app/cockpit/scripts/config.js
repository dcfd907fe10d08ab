/*
 * cockpit configuration of the Senate Secretariat (overrides Camunda's webjar file of the same path).
 * Options: https://docs.camunda.org/manual/7.24/webapps/cockpit/configuration/
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
    name: 'ระบบติดตามกระบวนงาน',
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
  // The Secretariat's header in place of the "migrate to Camunda 8" banner, Thai dates, Thai form messages.
  // The KPI dashboard page, its menu entry and the per-step KPI overlay on process diagrams
  // (plain ES modules, no build step; see senate-kpi/senate-kpi.js).
  customScripts: [
    '../senate/senate-webapps',
    '../senate/senate-language',
    'scripts/senate-kpi/senate-kpi.js',
  ],
  disableWelcomeMessage: false
};
