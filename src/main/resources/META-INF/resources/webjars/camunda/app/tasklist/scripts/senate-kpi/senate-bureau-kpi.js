/*
 * senate-workflow: the bureau head's KPI view in Tasklist (plain ES module, no build step).
 *
 * A bureau director (<bureau>Head) works in Tasklist and has no Cockpit: Cockpit's rights are per process, not per
 * bureau, so a head given Cockpit would read every bureau's cases of a process (docs/manager-guide.md, "The bureau
 * head's view"). Here the navigation bar offers "ตัวชี้วัดสำนัก" to a head only (/api/kpi/scope); it opens the
 * Cockpit dashboard's own code (renderDashboard) in a dialog, with the bureau's overdue work listed first. What it
 * shows is the KPI API's decision: a head's report, exports and case lists cover the own bureau only. A case of
 * the list opens as its task in Tasklist while the task is open.
 */
import {renderDashboard} from '../../../cockpit/scripts/senate-kpi/senate-kpi.js';

function serverRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

async function readable() {
  const response = await fetch(serverRoot() + '/api/kpi/scope', {credentials: 'same-origin',
    headers: {Accept: 'application/json'}});
  return response.ok ? response.json() : null;
}

function openView(opener, bureaus) {
  const names = bureaus.map(b => b.nameTh).join(', ');
  const dialog = document.createElement('div');
  dialog.className = 'senate-kpi-dialog';
  dialog.innerHTML = '<div class="senate-kpi-dialog-box" role="dialog" aria-modal="true"'
    + ' aria-labelledby="senate-bureau-kpi-dashboard-title">'
    + '<button type="button" class="btn btn-default senate-kpi-close">ปิด</button>'
    + '<div class="senate-bureau-kpi"></div></div>';
  document.body.appendChild(dialog);
  const close = () => {
    dialog.remove();
    document.removeEventListener('keydown', onKey, true);
    opener.focus();
  };
  const onKey = e => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
  document.addEventListener('keydown', onKey, true);
  dialog.querySelector('.senate-kpi-close').addEventListener('click', close);
  // Opening a case's task leaves the view for the task.
  dialog.addEventListener('click', e => {
    if (e.target.closest('a[href^="#/?task="]')) close();
  });
  const content = dialog.querySelector('.senate-bureau-kpi');
  renderDashboard(content, {
    id: 'senate-bureau-kpi-dashboard',
    title: 'ตัวชี้วัดของ' + names,
    intro: 'ตัวเลขและรายการเรื่องของสำนักที่ท่านเป็นผู้อำนวยการเท่านั้น; งานค้างที่เกินกำหนดแสดงไว้ก่อน',
    openOverdue: true,
    link: step => step.taskId ? '#/?task=' + encodeURIComponent(step.taskId) : null
  });
  const title = content.querySelector('h2');
  title.setAttribute('tabindex', '-1');
  title.focus();
}

export default [
  {
    id: 'senate-kpi.bureau-view',
    pluginPoint: 'tasklist.navbar.action',
    priority: 400,
    render: node => {
      readable().then(scope => {
        if (!scope || !scope.headOf || !scope.headOf.length) return;
        node.innerHTML = '<a href="" role="button" class="senate-bureau-kpi-open">'
          + '<span class="glyphicon glyphicon-stats" aria-hidden="true"></span> ตัวชี้วัดสำนัก</a>';
        const opener = node.querySelector('a');
        opener.addEventListener('click', e => {
          e.preventDefault();
          openView(opener, scope.headOf);
        });
      }).catch(e => console.error('senate-kpi bureau view', e));
    }
  }
];
