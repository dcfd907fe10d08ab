/*
 * What every Secretariat script in Camunda's webapps needs from the page, in one place: which app this is, that
 * app's AngularJS module, and a call after the page changes. Imported by senate-webapps.js, senate-language.js and
 * senate-dates.js (plain ES modules, no build step).
 */

/** The app of this page (tasklist, cockpit, admin, welcome), from Camunda's `<base app-name>`; null elsewhere. */
export function appName() {
  var base = document.querySelector('base');
  return base ? base.getAttribute('app-name') : null;
}

/**
 * The app's AngularJS module (`cam.tasklist`, ...), for `config` and `run` blocks before the app starts; null when
 * AngularJS or the module is not there (a page of another app, a Camunda that names it otherwise).
 */
export function appModule() {
  var angular = window.angular;
  var name = appName();
  if (!angular || !name) {
    return null;
  }
  try {
    return angular.module('cam.' + name);
  } catch (e) {
    return null;
  }
}

/**
 * Calls `render()` after the page changed: once per batch of changes (a microtask later), so that what AngularJS or
 * form-js renders again is completed again without a call per changed node. `watchText` also counts changed text
 * (form-js rewrites its messages and placeholders in place); a render that itself changes text must leave it off or
 * be idempotent.
 */
export function onPageChange(render, watchText) {
  var scheduled = false;
  new MutationObserver(function () {
    if (!scheduled) {
      scheduled = true;
      Promise.resolve().then(function () {
        scheduled = false;
        render();
      });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: !!watchText });
}
