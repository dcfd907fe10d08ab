/*
 * senate-workflow: KPI dashboard inside Cockpit (community edition plugin, plain JavaScript, no build step,
 * nothing fetched from outside the application).
 *
 *  - a page "ตัวชี้วัด KPI" (#/senate-kpi) with charts: % on time per process by round, the monthly trend,
 *    the backlog by bureau and age; the report table; one-click XLSX/CSV downloads;
 *  - on every process definition's diagram, per step: % on time and median working time.
 *
 * Data come from the platform's KPI API (/api/kpi/report). That API takes HTTP Basic, and for reads the
 * Camunda webapp session as well (web/ApiAuthenticationFilter), so the browser's session cookie is enough here
 * and the downloads are plain links.
 */

const ROUNDS = [6, 9, 12];
const BAND_COLOURS = ['#9cc5e0', '#5aa0cf', '#f2b84b', '#e67e22', '#c0392b'];

/** The application's root: the webapps live at <root>/camunda (base app-root), the KPI API at <root>/api. */
function serverRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

function engineName() {
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)\//);
  return match ? match[1] : 'default';
}

function escapeHtml(value) {
  return String(value == null ? '' : value).replace(/[&<>"']/g, c => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

function query(params) {
  return Object.keys(params).filter(k => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .map(k => encodeURIComponent(k) + '=' + encodeURIComponent(params[k])).join('&');
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || detail;
    } catch (e) { /* not a problem document */ }
    throw new Error(detail);
  }
  return response.json();
}

function report(params) {
  return getJson(serverRoot() + '/api/kpi/report?' + query(params));
}

/** Fiscal year (B.E.) and the round in progress, from today's date in the browser. */
function today() {
  const now = new Date();
  const month = now.getMonth() + 1;
  const fiscalYear = (month >= 10 ? now.getFullYear() + 1 : now.getFullYear()) + 543;
  const round = month >= 10 || month <= 3 ? 6 : month <= 6 ? 9 : 12;
  return {fiscalYear, round};
}

function percent(value) {
  return value == null ? '–' : value.toFixed(1) + '%';
}

// ------------------------------------------------------------------------------------------ charts (SVG)

/** Grouped bars: for each process, one bar per round (on-time %). */
function roundsChart(processes) {
  const width = 720, rowHeight = 22, labelWidth = 230, scale = (width - labelWidth - 60) / 100;
  const rows = [];
  processes.forEach(p => ROUNDS.forEach(r => {
    if (p.rounds[r] !== undefined) rows.push({name: p.name, round: r, value: p.rounds[r]});
  }));
  if (!rows.length) return '<p class="senate-kpi-empty">ยังไม่มีงานที่เสร็จในปีงบประมาณนี้</p>';
  const colours = {6: '#5aa0cf', 9: '#2e7bb4', 12: '#1b4f72'};
  let y = 0, last = null, svg = '';
  rows.forEach(row => {
    if (row.name !== last) {
      y += 6;
      svg += `<text x="0" y="${y + 15}" font-size="12" font-weight="bold">${escapeHtml(row.name)}</text>`;
      y += rowHeight;
      last = row.name;
    }
    const w = row.value == null ? 0 : row.value * scale;
    svg += `<text x="${labelWidth - 8}" y="${y + 15}" font-size="11" text-anchor="end">รอบ ${row.round} เดือน</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="14" fill="${colours[row.round]}"/>`
      + `<text class="senate-kpi-figure" x="${labelWidth + w + 4}" y="${y + 15}" font-size="11">${percent(row.value)}</text>`;
    y += rowHeight;
  });
  return `<svg width="${width}" height="${y + 8}" role="img" aria-label="ร้อยละตรงเวลาตามกระบวนงานและรอบ">${svg}</svg>`;
}

/** The monthly trend: completions as bars, on-time % as a line. */
function trendChart(months) {
  if (!months.length) return '<p class="senate-kpi-empty">ยังไม่มีข้อมูลรายเดือน</p>';
  const width = 720, height = 220, left = 40, right = 40, top = 10, bottom = 40;
  const step = (width - left - right) / 12;
  const maxCount = Math.max(1, ...months.map(m => m.completed));
  const y = p => top + (height - top - bottom) * (1 - p / 100);
  let svg = `<line x1="${left}" y1="${y(0)}" x2="${width - right}" y2="${y(0)}" stroke="#999"/>`;
  [0, 50, 100].forEach(p => {
    svg += `<text x="${left - 4}" y="${y(p) + 4}" font-size="10" text-anchor="end">${p}%</text>`
      + `<line x1="${left}" y1="${y(p)}" x2="${width - right}" y2="${y(p)}" stroke="#eee"/>`;
  });
  const points = [];
  months.forEach((m, i) => {
    const x = left + i * step;
    const h = (height - top - bottom) * m.completed / maxCount;
    svg += `<rect x="${x + step * 0.2}" y="${y(0) - h}" width="${step * 0.6}" height="${h}" fill="#d6e6f2">`
      + `<title>${escapeHtml(m.label)}: เสร็จ ${m.completed} รายการ</title></rect>`
      + `<text x="${x + step / 2}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${escapeHtml(m.label)}</text>`
      + `<text x="${x + step / 2}" y="${height - bottom + 28}" font-size="9" fill="#777" text-anchor="middle">${m.completed}</text>`;
    if (m.onTimePercent != null) points.push([x + step / 2, y(m.onTimePercent), m]);
  });
  if (points.length > 1) {
    svg += `<polyline fill="none" stroke="#c0392b" stroke-width="2" points="${points.map(p => p[0] + ',' + p[1]).join(' ')}"/>`;
  }
  points.forEach(p => {
    svg += `<circle cx="${p[0]}" cy="${p[1]}" r="3" fill="#c0392b"><title>${escapeHtml(p[2].label)}: ${percent(p[2].onTimePercent)}</title></circle>`;
  });
  return `<svg width="${width}" height="${height}" role="img" aria-label="แนวโน้มรายเดือน">${svg}</svg>`
    + '<div class="senate-kpi-legend"><span style="color:#c0392b">●</span> ร้อยละตรงเวลา &nbsp; '
    + '<span style="color:#9cc5e0">■</span> งานเสร็จ (รายการ)</div>';
}

/** Backlog by bureau: one stacked bar per bureau, by age band. */
function backlogChart(rows, bands) {
  const withBacklog = rows.filter(r => r.current.open > 0);
  if (!withBacklog.length) return '<p class="senate-kpi-empty">ไม่มีงานค้าง</p>';
  const width = 720, labelWidth = 260, rowHeight = 22;
  const max = Math.max(...withBacklog.map(r => r.current.open));
  const scale = (width - labelWidth - 80) / max;
  let svg = '';
  withBacklog.forEach((row, i) => {
    const y = i * rowHeight;
    let x = labelWidth;
    svg += `<text x="${labelWidth - 8}" y="${y + 15}" font-size="11" text-anchor="end">${escapeHtml(row.name)}</text>`;
    row.current.backlogByAge.forEach((count, b) => {
      if (!count) return;
      svg += `<rect x="${x}" y="${y + 4}" width="${count * scale}" height="14" fill="${BAND_COLOURS[b]}">`
        + `<title>${escapeHtml(bands[b])}: ${count}</title></rect>`;
      x += count * scale;
    });
    svg += `<text x="${x + 4}" y="${y + 15}" font-size="11">${row.current.open}`
      + (row.current.overdue ? ` (เกินกำหนด ${row.current.overdue})` : '') + '</text>';
  });
  const legend = bands.map((b, i) => `<span style="color:${BAND_COLOURS[i]}">■</span> ${escapeHtml(b)}`).join(' &nbsp; ');
  return `<svg width="${width}" height="${withBacklog.length * rowHeight + 6}" role="img" aria-label="งานค้างตามสำนัก">${svg}</svg>`
    + `<div class="senate-kpi-legend">${legend}</div>`;
}

function table(data) {
  const head = ['', 'งานเข้า', 'งานเสร็จ', 'ร้อยละตรงเวลา', 'มัธยฐาน (นาทีทำการ)', 'P90 (นาทีทำการ)', 'งานค้าง',
    'เกินกำหนด', 'ยกระดับ', 'ปีก่อน: ร้อยละตรงเวลา', 'คาดการณ์สิ้นปี'];
  const line = (row, strong) => {
    const c = row.current, p = row.previous || {};
    const cells = [escapeHtml(row.name), c.started, c.completed, percent(c.onTimePercent), c.medianWorkingMinutes ?? '–',
      c.p90WorkingMinutes ?? '–', c.open, c.overdue, c.escalations, percent(p.onTimePercent),
      percent(row.projectedYearEndOnTimePercent)];
    return '<tr>' + cells.map((v, i) => `<td${i ? ' class="n"' : ''}>${strong ? '<b>' + v + '</b>' : v}</td>`).join('') + '</tr>';
  };
  return '<table class="table table-condensed senate-kpi-table"><thead><tr>'
    + head.map(h => `<th>${h}</th>`).join('') + '</tr></thead><tbody>'
    + data.rows.map(r => line(r, false)).join('') + line(data.total, true) + '</tbody></table>';
}

// ------------------------------------------------------------------------------------------ the page

const STYLE = `
#senate-kpi-dashboard { padding: 15px 20px; }
#senate-kpi-dashboard section { margin: 18px 0; }
#senate-kpi-dashboard h2 { font-size: 18px; margin: 0 0 10px; }
#senate-kpi-dashboard h3 { font-size: 15px; margin: 0 0 8px; }
#senate-kpi-dashboard .senate-kpi-filters label { margin-right: 12px; font-weight: normal; }
#senate-kpi-dashboard .senate-kpi-legend { font-size: 11px; color: #555; }
#senate-kpi-dashboard td.n { text-align: right; }
#senate-kpi-dashboard .senate-kpi-error { color: #b00; }
.senate-kpi-overlay { background: rgba(255,255,255,.92); border: 1px solid #2e7bb4; border-radius: 3px;
  font-size: 11px; padding: 1px 4px; white-space: nowrap; color: #1b4f72; }
.senate-kpi-overlay.late { border-color: #c0392b; color: #c0392b; }
`;

function ensureStyle() {
  if (!document.getElementById('senate-kpi-style')) {
    const style = document.createElement('style');
    style.id = 'senate-kpi-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function renderPage(node) {
  ensureStyle();
  const now = today();
  const years = [now.fiscalYear, now.fiscalYear - 1, now.fiscalYear - 2];
  node.innerHTML = `
  <div id="senate-kpi-dashboard">
    <h2>ตัวชี้วัดกระบวนงาน (KPI)</h2>
    <form class="senate-kpi-filters form-inline">
      <label>ปีงบประมาณ <select name="fiscalYear" class="form-control input-sm">
        ${years.map(y => `<option value="${y}">${y}</option>`).join('')}</select></label>
      <label>รอบ <select name="round" class="form-control input-sm">
        ${ROUNDS.map(r => `<option value="${r}"${r === now.round ? ' selected' : ''}>${r} เดือน</option>`).join('')}</select></label>
      <label>จัดกลุ่มตาม <select name="groupBy" class="form-control input-sm">
        <option value="process">กระบวนงาน</option><option value="step">ขั้นตอน</option><option value="bureau">สำนัก</option>
      </select></label>
      <label>กระบวนงาน <select name="processKey" class="form-control input-sm"><option value="">ทั้งหมด</option></select></label>
      <a class="btn btn-default btn-sm senate-kpi-xlsx" href="#">ดาวน์โหลด Excel (XLSX)</a>
      <a class="btn btn-default btn-sm senate-kpi-csv" href="#">ดาวน์โหลด CSV</a>
    </form>
    <p class="senate-kpi-period"></p>
    <p class="senate-kpi-error"></p>
    <section><h3>ร้อยละตรงเวลาตามกระบวนงาน รายรอบ</h3><div class="senate-kpi-rounds">กำลังโหลด…</div></section>
    <section><h3>แนวโน้มรายเดือน</h3><div class="senate-kpi-trend"></div></section>
    <section><h3>งานค้างตามสำนักและอายุงาน</h3><div class="senate-kpi-backlog"></div></section>
    <section><h3>รายงาน</h3><div class="senate-kpi-report"></div></section>
  </div>`;
  const form = node.querySelector('form');
  const value = name => form.elements[name].value;
  const $ = selector => node.querySelector(selector);

  async function refresh() {
    const params = {fiscalYear: value('fiscalYear'), round: value('round'), groupBy: value('groupBy'),
      processKey: value('processKey')};
    const q = query(params);
    $('.senate-kpi-xlsx').href = serverRoot() + '/api/kpi/report.xlsx?' + q;
    $('.senate-kpi-csv').href = serverRoot() + '/api/kpi/report.csv?' + q;
    $('.senate-kpi-error').textContent = '';
    try {
      const fiscalYear = Number(params.fiscalYear);
      const rounds = ROUNDS.filter(r => fiscalYear < now.fiscalYear || r <= now.round);
      const [main, byBureau, ...byRound] = await Promise.all([
        report(params),
        report({fiscalYear, round: params.round, groupBy: 'bureau', processKey: params.processKey}),
        ...rounds.map(r => report({fiscalYear, round: r, groupBy: 'process', processKey: params.processKey}))
      ]);
      $('.senate-kpi-period').textContent = `ช่วงเวลา ${main.periodLabel} · ข้อมูล ณ `
        + new Date(main.asOf).toLocaleDateString('th-TH');
      const processes = {};
      byRound.forEach((data, i) => data.rows.forEach(row => {
        const p = processes[row.key] = processes[row.key] || {name: row.name, rounds: {}};
        p.rounds[rounds[i]] = row.current.onTimePercent;
      }));
      const select = form.elements.processKey;
      if (select.options.length === 1) {
        byRound.length && byRound[byRound.length - 1].rows.forEach(row =>
          select.add(new Option(row.name, row.processKey)));
      }
      $('.senate-kpi-rounds').innerHTML = roundsChart(Object.values(processes));
      $('.senate-kpi-trend').innerHTML = trendChart(main.months);
      $('.senate-kpi-backlog').innerHTML = backlogChart(byBureau.rows, byBureau.ageBands);
      $('.senate-kpi-report').innerHTML = table(main);
    } catch (e) {
      $('.senate-kpi-error').textContent = 'อ่านรายงานไม่ได้: ' + e.message;
    }
  }
  form.addEventListener('change', refresh);
  refresh();
}

// ------------------------------------------------------------------------------------------ diagram overlay

async function renderOverlay(viewer, processDefinitionId) {
  ensureStyle();
  const base = serverRoot();
  const definition = await getJson(`${base}/camunda/api/engine/engine/${engineName()}/process-definition/`
    + encodeURIComponent(processDefinitionId)).catch(() => null);
  if (!definition) return;
  const now = today();
  const data = await report({fiscalYear: now.fiscalYear, round: now.round, groupBy: 'step',
    processKey: definition.key}).catch(() => null);
  if (!data) return;
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  data.rows.forEach(row => {
    if (!row.stepId || !registry.get(row.stepId)) return;
    const c = row.current;
    const late = c.onTimePercent != null && c.onTimePercent < 80;
    overlays.add(row.stepId, 'senate-kpi', {
      position: {bottom: 14, left: -4},
      html: `<div class="senate-kpi-overlay${late ? ' late' : ''}" title="ตรงเวลา ${c.onTime}/${c.completed} · `
        + `มัธยฐาน ${c.medianWorkingMinutes ?? '–'} นาทีทำการ · ค้าง ${c.open}">`
        + `ตรงเวลา ${percent(c.onTimePercent)} · ${c.medianWorkingMinutes == null ? '–'
          : (c.medianWorkingMinutes / 60).toFixed(1) + ' ชม.'}</div>`
    });
  });
}

export default [
  {
    id: 'senate-kpi.route',
    pluginPoint: 'cockpit.route',
    properties: {path: '/senate-kpi', label: 'ตัวชี้วัด KPI'},
    render: node => renderPage(node)
  },
  {
    id: 'senate-kpi.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {path: '/senate-kpi', pagePath: '#/senate-kpi', checkActive: path => path.indexOf('#/senate-kpi') > -1,
      label: 'ตัวชี้วัด KPI'},
    render: node => {
      node.innerHTML = '<a href="#/senate-kpi">ตัวชี้วัด KPI</a>';
    }
  },
  {
    id: 'senate-kpi.diagram',
    pluginPoint: 'cockpit.processDefinition.diagram.plugin',
    render: (viewer, {processDefinitionId}) => {
      renderOverlay(viewer, processDefinitionId).catch(e => console.error('senate-kpi overlay', e));
    }
  }
];
