/*
 * senate-workflow: KPI dashboard inside Cockpit (community edition plugin, plain JavaScript, no build step,
 * nothing fetched from outside the application).
 *
 *  - a page "ตัวชี้วัด KPI" (#/senate-kpi) with charts: % on time per process by round, the monthly trend,
 *    the backlog by bureau and age, each with its figures as a table beside it (a screen reader reads the
 *    table, not the picture); the report table, whose late, open and overdue figures open the list of the
 *    cases behind them (/api/kpi/cases); one-click XLSX/CSV downloads;
 *  - on every process definition's diagram, per step: % on time and the working time in which half of the steps
 *    were done, above the task (Cockpit's instance-count badges sit at its bottom edge).
 *
 * The same dashboard, limited by the API to the caller's own bureau, is the bureau head's view in Tasklist
 * (../../../tasklist/scripts/senate-kpi/senate-bureau-kpi.js imports renderDashboard from here): heads work in
 * Tasklist and have no Cockpit (docs/manager-guide.md says why).
 *
 * Data come from the platform's KPI API (/api/kpi/...). That API takes HTTP Basic, and for reads the Camunda
 * webapp session as well (web/ApiAuthenticationFilter), so the browser's session cookie is enough here and the
 * downloads are plain links.
 *
 * Durations are working time (office hours 08:30–16:30 on working days, as the SLA counts them): under one
 * working day in working hours ("ชม.ทำการ"), else in working days of 8 hours ("วันทำการ"), in the table and on
 * the diagram alike. Dates are Buddhist Era, Bangkok time, as calendar/ThaiDates writes them ("31 มี.ค. 2569").
 */

const ROUNDS = [6, 9, 12];
const WORKING_DAY_MINUTES = 8 * 60;
// Every colour of a bar or mark has at least 3:1 against white (WCAG 1.4.11), text at least 4.5:1.
const ROUND_COLOURS = {6: '#5b8db8', 9: '#2874a6', 12: '#154360'};
const BAND_COLOURS = ['#5b8db8', '#1a5276', '#b9770e', '#d35400', '#a93226'];
const TREND_BAR = '#5b8db8';
const TREND_LINE = '#a93226';
const TEXT = '#333333';
const SHORT_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000; // Thailand keeps no daylight-saving time.
const NAVIGATION_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'];

/** The application's root: the webapps live at <root>/camunda (base app-root), the KPI API at <root>/api. */
function serverRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

function engineName() {
  const match = window.location.pathname.match(/\/app\/(?:cockpit|tasklist)\/([^/]+)\//);
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
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function report(params) {
  return getJson(serverRoot() + '/api/kpi/report?' + query(params));
}

/** The wall-clock fields of an instant in Bangkok, read through UTC (whatever the browser's zone). */
function bangkok(instant) {
  return new Date(new Date(instant).getTime() + BANGKOK_OFFSET_MS);
}

/** Fiscal year (B.E.) and the round in progress, today in Bangkok. */
function today() {
  const now = bangkok(Date.now());
  const month = now.getUTCMonth() + 1;
  const fiscalYear = (month >= 10 ? now.getUTCFullYear() + 1 : now.getUTCFullYear()) + 543;
  const round = month >= 10 || month <= 3 ? 6 : month <= 6 ? 9 : 12;
  return {fiscalYear, round};
}

/** "31 มี.ค. 2569": a day as calendar/ThaiDates.date writes it; a date alone (2026-03-31) is that day. */
export function thaiDate(value) {
  if (value == null) return '–';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${d} ${SHORT_MONTHS[m - 1]} ${y + 543}`;
  }
  const day = bangkok(value);
  return `${day.getUTCDate()} ${SHORT_MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear() + 543}`;
}

/**
 * The day the figures are as of: today while the round runs; its last day once it is over (the report's instant
 * is then the end of that day, 00:00 of the next, which is not a day of the round).
 */
export function asOfDay(data) {
  const end = Date.parse(data.periodTo + 'T00:00:00+07:00') + 24 * 60 * 60 * 1000;
  return Date.parse(data.asOf) >= end ? thaiDate(data.periodTo) : thaiDate(data.asOf);
}

export function percent(value) {
  return value == null ? '–' : value.toFixed(1) + ' %';
}

/** Working minutes as people say them: under a working day in working hours, else in working days of 8 hours. */
export function workingTime(minutes) {
  if (minutes == null) return '–';
  if (minutes < WORKING_DAY_MINUTES) return (minutes / 60).toFixed(1) + ' ชม.ทำการ';
  return (minutes / WORKING_DAY_MINUTES).toFixed(1) + ' วันทำการ';
}

// ------------------------------------------------------------------------------------------ charts (SVG)

/*
 * Each chart is a picture for the eye, hidden from screen readers (aria-hidden), followed by the same figures as a
 * table (<details>, "ข้อมูลของแผนภูมิเป็นตาราง"), which a screen reader reads and anyone may open. Widths follow
 * the page (chartWidth); text is 12 px or more, dark grey on white.
 */

function figure(title, svg, tableHead, tableRows, legend) {
  const table = '<table class="table table-condensed senate-kpi-data"><caption class="sr-only">' + escapeHtml(title)
    + '</caption><thead><tr>' + tableHead.map(h => `<th scope="col">${escapeHtml(h)}</th>`).join('')
    + '</tr></thead><tbody>' + tableRows.map(r => '<tr>' + r.map((v, i) => i === 0 ? `<th scope="row">${escapeHtml(v)}</th>`
      : `<td class="n">${escapeHtml(v)}</td>`).join('') + '</tr>').join('') + '</tbody></table>';
  return `<div class="senate-kpi-chart" aria-hidden="true">${svg}</div>`
    + (legend ? `<div class="senate-kpi-legend" aria-hidden="true">${legend}</div>` : '')
    + `<details class="senate-kpi-details"><summary>ข้อมูลของแผนภูมิเป็นตาราง</summary>${table}</details>`;
}

/** Grouped bars: for each process, one bar per round (on-time %). */
function roundsChart(processes, width) {
  const rowHeight = 24, labelWidth = Math.min(320, Math.round(width * 0.3)), scale = (width - labelWidth - 80) / 100;
  const rows = [];
  processes.forEach(p => ROUNDS.forEach(r => {
    if (p.rounds[r] !== undefined) rows.push({name: p.name, round: r, value: p.rounds[r]});
  }));
  if (!rows.length) return '<p class="senate-kpi-empty">ยังไม่มีงานที่เสร็จในปีงบประมาณนี้</p>';
  let y = 0, last = null, svg = '';
  rows.forEach(row => {
    if (row.name !== last) {
      y += 6;
      svg += `<text x="0" y="${y + 16}" font-size="14" font-weight="bold" fill="${TEXT}">${escapeHtml(row.name)}</text>`;
      y += rowHeight;
      last = row.name;
    }
    const w = row.value == null ? 0 : row.value * scale;
    svg += `<text x="${labelWidth - 8}" y="${y + 16}" font-size="13" text-anchor="end" fill="${TEXT}">รอบ ${row.round} เดือน</text>`
      + `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="16" fill="${ROUND_COLOURS[row.round]}"/>`
      + `<text class="senate-kpi-figure" x="${labelWidth + w + 6}" y="${y + 16}" font-size="13" fill="${TEXT}">`
      + `${row.value == null ? 'ยังไม่มีงานที่เสร็จ' : percent(row.value)}</text>`;
    y += rowHeight;
  });
  const svgText = `<svg width="${width}" height="${y + 8}" focusable="false">${svg}</svg>`;
  return figure('ร้อยละตรงเวลาตามกระบวนงานและรอบ', svgText, ['กระบวนงาน', 'รอบ', 'ร้อยละตรงเวลา'],
    rows.map(r => [r.name, `${r.round} เดือน`, percent(r.value)]));
}

/** The monthly trend: completions as bars, on-time % as a line. */
function trendChart(months, width) {
  if (!months.length) return '<p class="senate-kpi-empty">ยังไม่มีข้อมูลรายเดือน</p>';
  const height = 260, left = 52, right = 20, top = 12, bottom = 48;
  const step = (width - left - right) / 12;
  const maxCount = Math.max(1, ...months.map(m => m.completed));
  const y = p => top + (height - top - bottom) * (1 - p / 100);
  let svg = `<line x1="${left}" y1="${y(0)}" x2="${width - right}" y2="${y(0)}" stroke="#595959"/>`;
  [0, 50, 100].forEach(p => {
    svg += `<text x="${left - 6}" y="${y(p) + 4}" font-size="12" text-anchor="end" fill="${TEXT}">${p} %</text>`
      + `<line x1="${left}" y1="${y(p)}" x2="${width - right}" y2="${y(p)}" stroke="#e0e0e0"/>`;
  });
  const points = [];
  months.forEach((m, i) => {
    const x = left + i * step;
    const h = (height - top - bottom) * m.completed / maxCount;
    svg += `<rect x="${x + step * 0.2}" y="${y(0) - h}" width="${step * 0.6}" height="${h}" fill="${TREND_BAR}"/>`
      + `<text x="${x + step / 2}" y="${height - bottom + 16}" font-size="12" text-anchor="middle" fill="${TEXT}">${escapeHtml(m.label)}</text>`
      + `<text x="${x + step / 2}" y="${height - bottom + 32}" font-size="12" fill="#555555" text-anchor="middle">${m.completed}</text>`;
    if (m.onTimePercent != null) points.push([x + step / 2, y(m.onTimePercent), m]);
  });
  if (points.length > 1) {
    svg += `<polyline fill="none" stroke="${TREND_LINE}" stroke-width="2.5" points="${points.map(p => p[0] + ',' + p[1]).join(' ')}"/>`;
  }
  points.forEach(p => {
    svg += `<circle cx="${p[0]}" cy="${p[1]}" r="4" fill="${TREND_LINE}" stroke="#fff"/>`;
  });
  const legend = `<span style="color:${TREND_LINE}">●</span> ร้อยละตรงเวลา &nbsp; `
    + `<span style="color:${TREND_BAR}">■</span> งานเสร็จ (รายการ; ตัวเลขใต้ชื่อเดือน)`;
  return figure('แนวโน้มรายเดือน', `<svg width="${width}" height="${height}" focusable="false">${svg}</svg>`,
    ['เดือน', 'งานเสร็จ (รายการ)', 'ร้อยละตรงเวลา'], months.map(m => [m.label, m.completed, percent(m.onTimePercent)]),
    legend);
}

/** Backlog by bureau: one stacked bar per bureau, by age band. */
function backlogChart(rows, bands, width) {
  const withBacklog = rows.filter(r => r.current.open > 0);
  if (!withBacklog.length) return '<p class="senate-kpi-empty">ไม่มีงานค้าง</p>';
  const labelWidth = Math.min(340, Math.round(width * 0.32)), rowHeight = 26;
  const max = Math.max(...withBacklog.map(r => r.current.open));
  const scale = (width - labelWidth - 150) / max;
  let svg = '';
  withBacklog.forEach((row, i) => {
    const y = i * rowHeight;
    let x = labelWidth;
    svg += `<text x="${labelWidth - 8}" y="${y + 17}" font-size="13" text-anchor="end" fill="${TEXT}">${escapeHtml(row.name)}</text>`;
    row.current.backlogByAge.forEach((count, b) => {
      if (!count) return;
      // a white edge between the segments: neighbours need not differ from each other by 3:1
      svg += `<rect x="${x}" y="${y + 4}" width="${count * scale}" height="16" fill="${BAND_COLOURS[b]}" stroke="#fff"/>`;
      x += count * scale;
    });
    svg += `<text x="${x + 6}" y="${y + 17}" font-size="13" fill="${TEXT}">${row.current.open}`
      + (row.current.overdue ? ` (เกินกำหนด ${row.current.overdue})` : '') + '</text>';
  });
  const legend = bands.map((b, i) => `<span style="color:${BAND_COLOURS[i]}">■</span> ${escapeHtml(b)}`).join(' &nbsp; ');
  return figure('งานค้างตามสำนักและอายุงาน',
    `<svg width="${width}" height="${withBacklog.length * rowHeight + 6}" focusable="false">${svg}</svg>`,
    ['สำนัก', ...bands, 'รวมงานค้าง', 'เกินกำหนด'],
    withBacklog.map(r => [r.name, ...r.current.backlogByAge, r.current.open, r.current.overdue]), legend);
}

// ------------------------------------------------------------------------------------------ report table

/** A figure that opens the cases behind it (a button: it acts on the page), or the plain number when zero. */
function drill(count, measure, row, groupBy) {
  if (!count) return String(count);
  const filter = {measure};
  if (row.processKey) filter.processKey = row.processKey;
  if (groupBy === 'step' && row.stepId) filter.stepId = row.stepId;
  if (groupBy === 'bureau') filter.bureau = row.key;
  return `<button type="button" class="btn btn-link senate-kpi-drill" data-filter="${escapeHtml(JSON.stringify(filter))}"`
    + ` aria-label="${escapeHtml(`ดูรายการเรื่อง: ${MEASURE_LABELS[measure]} ${count} รายการ ของ ${row.name}`)}">${count}</button>`;
}

const MEASURE_LABELS = {late: 'เสร็จเกินกำหนด', overdue: 'ค้างเกินกำหนด', open: 'งานค้าง'};

function table(data) {
  const head = ['', 'งานเข้า', 'งานเสร็จ', 'ร้อยละตรงเวลา', 'เสร็จเกินกำหนด', 'ครึ่งหนึ่งเสร็จภายใน', '90 % เสร็จภายใน',
    'งานค้าง', 'ค้างเกินกำหนด', 'ยกระดับ', 'ปีก่อน: ร้อยละตรงเวลา', 'คาดการณ์สิ้นปี'];
  const line = (row, total) => {
    const c = row.current, p = row.previous || {};
    const late = c.completed - c.onTime;
    const cells = [escapeHtml(row.name), c.started, c.completed, percent(c.onTimePercent),
      total ? late : drill(late, 'late', row, data.groupBy), workingTime(c.medianWorkingMinutes),
      workingTime(c.p90WorkingMinutes), total ? c.open : drill(c.open, 'open', row, data.groupBy),
      total ? c.overdue : drill(c.overdue, 'overdue', row, data.groupBy), c.escalations, percent(p.onTimePercent),
      percent(row.projectedYearEndOnTimePercent)];
    return '<tr>' + cells.map((v, i) => i === 0 ? `<th scope="row">${total ? '<b>' + v + '</b>' : v}</th>`
      : `<td class="n">${total ? '<b>' + v + '</b>' : v}</td>`).join('') + '</tr>';
  };
  return '<table class="table table-condensed senate-kpi-table"><caption class="sr-only">รายงานตัวชี้วัด '
    + escapeHtml(data.periodLabel) + '</caption><thead><tr>'
    + head.map((h, i) => `<th scope="col">${i ? h : '<span class="sr-only">กลุ่ม</span>'}</th>`).join('')
    + '</tr></thead><tbody>' + data.rows.map(r => line(r, false)).join('') + line(data.total, true) + '</tbody></table>'
    + '<p class="senate-kpi-note">ตัวเลขที่ขีดเส้นใต้เปิดรายการเรื่องที่อยู่เบื้องหลังตัวเลขนั้น · เวลาเป็นเวลาทำการ'
    + ' (08:30–16:30 น. ในวันทำการ; 1 วันทำการ = 8 ชม.) · "–" คือยังไม่มีงานที่เสร็จ</p>';
}

/** The cases behind a figure: a table of steps with their reference numbers, a link where the app can open one. */
function casesTable(data, link) {
  const title = `${data.measureLabel} ${data.total} รายการ · ${data.periodLabel}`;
  if (!data.total) return `<h3 tabindex="-1">${escapeHtml(title)}</h3><p>ไม่มีรายการ</p>`;
  const late = data.measure === 'late';
  const head = ['เลขที่เรื่อง', 'กระบวนงาน', 'ขั้นตอน', 'สำนัก', 'ผู้รับงาน', 'เข้ามาเมื่อ', 'กำหนดเสร็จ',
    late ? 'เสร็จเมื่อ' : 'สถานะ', late ? 'เวลาที่ใช้' : ''].filter(Boolean);
  const rows = data.steps.map(s => {
    const href = link(s);
    const reference = escapeHtml(s.businessKey || s.processInstanceId);
    return '<tr>' + [href ? `<a href="${escapeHtml(href)}">${reference}</a>` : reference, escapeHtml(s.processName),
      escapeHtml(s.stepName || s.stepId), escapeHtml(s.bureauName), escapeHtml(s.assignee || 'ยังไม่มีผู้รับงาน'),
      thaiDate(s.createdAt), thaiDate(s.dueAt),
      late ? thaiDate(s.completedAt) : escapeHtml(s.completedAt ? 'เสร็จแล้ว ' + thaiDate(s.completedAt) : 'ยังค้างอยู่'),
      late ? workingTime(s.workingMinutes) : null].filter(v => v !== null)
      .map((v, i) => i === 0 ? `<th scope="row">${v}</th>` : `<td>${v}</td>`).join('') + '</tr>';
  }).join('');
  const more = data.total - data.withheld > data.steps.length
    ? `<p>แสดง ${data.steps.length} รายการแรกจาก ${data.total - data.withheld} รายการ</p>` : '';
  const withheld = data.withheld
    ? `<p>ไม่แสดง ${data.withheld} รายการของกระบวนงานที่คุ้มครองผู้ร้อง (นับรวมในตัวเลขแล้ว)</p>` : '';
  return `<h3 tabindex="-1">${escapeHtml(title)}</h3><table class="table table-condensed senate-kpi-cases">`
    + `<caption class="sr-only">${escapeHtml(title)}</caption><thead><tr>`
    + head.map(h => `<th scope="col">${h}</th>`).join('') + `</tr></thead><tbody>${rows}</tbody></table>${more}${withheld}`;
}

// ------------------------------------------------------------------------------------------ the page

const STYLE = `
.senate-kpi-route { position: absolute; top: 0; right: 0; bottom: 0; left: 0; overflow: auto; }
.senate-kpi-dashboard { padding: 15px 20px; color: ${TEXT}; font-size: 14px; }
.senate-kpi-dashboard section { margin: 18px 0; }
.senate-kpi-dashboard h2 { font-size: 20px; margin: 0 0 10px; }
.senate-kpi-dashboard h3 { font-size: 16px; margin: 0 0 8px; }
.senate-kpi-dashboard .senate-kpi-filters label { margin-right: 12px; font-weight: normal; }
.senate-kpi-dashboard .senate-kpi-legend, .senate-kpi-dashboard .senate-kpi-note { font-size: 13px; color: #555555; }
.senate-kpi-dashboard td.n, .senate-kpi-dashboard .senate-kpi-table th[scope=col] { text-align: right; }
.senate-kpi-dashboard .senate-kpi-error { color: #a93226; font-weight: bold; }
.senate-kpi-dashboard .senate-kpi-drill { padding: 0; font-size: inherit; text-decoration: underline; }
.senate-kpi-dashboard .senate-kpi-details summary { cursor: pointer; font-size: 13px; color: #1a5276; }
.senate-kpi-dashboard .senate-kpi-details table { width: auto; margin-top: 6px; }
.senate-kpi-dashboard .senate-kpi-chart svg { display: block; max-width: 100%; }
.senate-kpi-overlay { background: rgba(255,255,255,.95); border: 1px solid #2874a6; border-radius: 3px;
  font-size: 12px; line-height: 1.3; padding: 1px 4px; white-space: nowrap; color: #154360; }
.senate-kpi-overlay.late { border-color: #a93226; color: #a93226; }
.senate-kpi-dialog { position: fixed; inset: 0; z-index: 2000; background: rgba(0,0,0,.35); overflow: auto; }
.senate-kpi-dialog > .senate-kpi-dialog-box { background: #fff; margin: 20px auto; width: calc(100% - 40px);
  max-width: 1600px; border-radius: 4px; position: relative; }
.senate-kpi-dialog .senate-kpi-close { position: absolute; right: 16px; top: 12px; }
`;

function ensureStyle() {
  if (!document.getElementById('senate-kpi-style')) {
    const style = document.createElement('style');
    style.id = 'senate-kpi-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

/** Cockpit opens a running instance; a finished one has no page in the community Cockpit. */
function cockpitLink(step) {
  return step.caseOpen ? `#/process-instance/${encodeURIComponent(step.processInstanceId)}/runtime` : null;
}

/**
 * The dashboard in {@code node}. Options: {@code id} of its element; {@code title}; {@code intro} (a line under it); {@code link(step)}, the
 * address of a case of the drill-down list ({@code null}: none); {@code openOverdue}, whether the list of overdue
 * work is shown at once (the bureau head's view). What the figures cover is the API's decision: a head's are the
 * own bureau's.
 */
export function renderDashboard(node, options = {}) {
  ensureStyle();
  const link = options.link || cockpitLink;
  const now = today();
  const years = [now.fiscalYear, now.fiscalYear - 1, now.fiscalYear - 2];
  const id = options.id || 'senate-kpi-dashboard';
  node.innerHTML = `
  <div class="senate-kpi-dashboard" id="${id}">
    <h2 id="${id}-title">${escapeHtml(options.title || 'ตัวชี้วัดกระบวนงาน (KPI)')}</h2>
    ${options.intro ? `<p>${escapeHtml(options.intro)}</p>` : ''}
    <form class="senate-kpi-filters form-inline" aria-label="ตัวกรองรายงาน">
      <label>ปีงบประมาณ <select name="fiscalYear" class="form-control input-sm">
        ${years.map(y => `<option value="${y}">${y}</option>`).join('')}</select></label>
      <label>รอบ <select name="round" class="form-control input-sm">
        ${ROUNDS.map(r => `<option value="${r}"${r === now.round ? ' selected' : ''}>${r} เดือน</option>`).join('')}</select></label>
      <label>จัดกลุ่มตาม <select name="groupBy" class="form-control input-sm">
        <option value="process">กระบวนงาน</option><option value="step">ขั้นตอน</option><option value="bureau">สำนัก</option>
      </select></label>
      <label>กระบวนงาน <select name="processKey" class="form-control input-sm"><option value="">ทั้งหมด</option></select></label>
      <button type="submit" class="btn btn-primary btn-sm">แสดงรายงาน</button>
      <a class="btn btn-default btn-sm senate-kpi-xlsx" href="#">ดาวน์โหลด Excel (XLSX)</a>
      <a class="btn btn-default btn-sm senate-kpi-csv" href="#">ดาวน์โหลด CSV</a>
    </form>
    <p class="senate-kpi-period"></p>
    <p class="senate-kpi-error" role="alert"></p>
    <p class="senate-kpi-status sr-only" role="status" aria-live="polite"></p>
    <section class="senate-kpi-cases-section" hidden aria-live="polite"><div class="senate-kpi-cases-list"></div></section>
    <section><h3>ร้อยละตรงเวลาตามกระบวนงาน รายรอบ</h3><div class="senate-kpi-rounds">กำลังโหลด…</div></section>
    <section><h3>แนวโน้มรายเดือน</h3><div class="senate-kpi-trend"></div></section>
    <section><h3>งานค้างตามสำนักและอายุงาน</h3><div class="senate-kpi-backlog"></div></section>
    <section><h3>รายงาน</h3><div class="senate-kpi-report"></div></section>
  </div>`;
  const form = node.querySelector('form');
  const value = name => form.elements[name].value;
  const $ = selector => node.querySelector(selector);
  let current = null;
  // Each reload has a number; an answer to an older one (filters changed meanwhile) is dropped.
  let generation = 0;

  function chartWidth() {
    const width = $('.senate-kpi-rounds').clientWidth || node.clientWidth || 720;
    return Math.max(480, Math.round(width) - 4);
  }

  let casesGeneration = 0;

  /** The cases behind a figure; {@code focus}: the list's heading takes the focus (a click asked for it). */
  async function showCases(filter, focus) {
    const mine = ++casesGeneration;
    const section = $('.senate-kpi-cases-section');
    const list = $('.senate-kpi-cases-list');
    section.hidden = false;
    list.innerHTML = '<p>กำลังโหลดรายการเรื่อง…</p>';
    try {
      const data = await getJson(serverRoot() + '/api/kpi/cases?' + query(Object.assign({
        fiscalYear: value('fiscalYear'), round: value('round')}, filter)));
      if (mine !== casesGeneration) return;
      list.innerHTML = casesTable(data, link);
      if (focus) list.querySelector('h3').focus();
    } catch (e) {
      list.innerHTML = '';
      $('.senate-kpi-error').textContent = 'อ่านรายการเรื่องไม่ได้: ' + e.message;
    }
  }

  async function refresh() {
    const mine = ++generation;
    const params = {fiscalYear: value('fiscalYear'), round: value('round'), groupBy: value('groupBy'),
      processKey: value('processKey')};
    const q = query(params);
    $('.senate-kpi-xlsx').href = serverRoot() + '/api/kpi/report.xlsx?' + q;
    $('.senate-kpi-csv').href = serverRoot() + '/api/kpi/report.csv?' + q;
    $('.senate-kpi-error').textContent = '';
    $('.senate-kpi-status').textContent = 'กำลังโหลดรายงาน…';
    try {
      const fiscalYear = Number(params.fiscalYear);
      const rounds = ROUNDS.filter(r => fiscalYear < now.fiscalYear || r <= now.round);
      const [main, byBureau, ...byRound] = await Promise.all([
        report(params),
        report({fiscalYear, round: params.round, groupBy: 'bureau', processKey: params.processKey}),
        ...rounds.map(r => report({fiscalYear, round: r, groupBy: 'process', processKey: params.processKey}))
      ]);
      if (mine !== generation) return;
      current = main;
      $('.senate-kpi-period').textContent = `ช่วงเวลา ${main.periodLabel} · ข้อมูล ณ ${asOfDay(main)}`;
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
      const width = chartWidth();
      $('.senate-kpi-rounds').innerHTML = roundsChart(Object.values(processes), width);
      $('.senate-kpi-trend').innerHTML = trendChart(main.months, width);
      $('.senate-kpi-backlog').innerHTML = backlogChart(byBureau.rows, byBureau.ageBands, width);
      $('.senate-kpi-report').innerHTML = table(main);
      $('.senate-kpi-status').textContent = `แสดงรายงานแล้ว: ${main.periodLabel}, งานเสร็จ ${main.total.current.completed}`
        + ` รายการ, ร้อยละตรงเวลา ${percent(main.total.current.onTimePercent)}`;
      if (options.openOverdue) {
        showCases(Object.assign({measure: 'overdue'}, params.processKey ? {processKey: params.processKey} : {}));
      }
    } catch (e) {
      if (mine !== generation) return;
      $('.senate-kpi-status').textContent = '';
      $('.senate-kpi-error').textContent = 'อ่านรายงานไม่ได้: ' + e.message;
    }
  }

  // A value is chosen with the mouse (change), with Enter, or by leaving the list after arrowing through it:
  // arrowing through a closed list changes its value at each key, and must not reload the report each time.
  let pending = false;
  let keyed = false;
  form.addEventListener('keydown', e => {
    if (e.target.tagName === 'SELECT') {
      keyed = NAVIGATION_KEYS.includes(e.key);
      if (e.key === 'Enter' && pending) {
        e.preventDefault();
        pending = false;
        refresh();
      }
    }
  });
  form.addEventListener('change', e => {
    if (keyed) {
      pending = true;
      keyed = false;
      return;
    }
    pending = false;
    refresh();
  });
  form.addEventListener('focusout', e => {
    if (pending && e.target.tagName === 'SELECT') {
      pending = false;
      refresh();
    }
  });
  form.addEventListener('submit', e => {
    e.preventDefault();
    pending = false;
    refresh();
  });
  node.addEventListener('click', e => {
    const button = e.target.closest('.senate-kpi-drill');
    if (button) showCases(JSON.parse(button.getAttribute('data-filter')), true);
  });
  let resized = null;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => current && node.isConnected && refresh(), 400);
  });
  refresh();
}

// ------------------------------------------------------------------------------------------ diagram overlay

/** The label above a step: % on time and the working time in which half of the steps were done. */
export function overlayText(c) {
  if (!c.completed) {
    return {text: c.open ? `ยังไม่มีงานที่เสร็จ · ค้าง ${c.open}` : 'ยังไม่มีงานที่เสร็จ',
      title: `รอบนี้ยังไม่มีงานที่เสร็จในขั้นตอนนี้ · งานค้าง ${c.open} รายการ`};
  }
  return {
    text: `ตรงเวลา ${percent(c.onTimePercent)} · ครึ่งหนึ่งเสร็จใน ${workingTime(c.medianWorkingMinutes)}`,
    title: `เสร็จ ${c.completed} รายการ ตรงเวลา ${c.onTime} (${percent(c.onTimePercent)}) · ครึ่งหนึ่งเสร็จภายใน `
      + `${workingTime(c.medianWorkingMinutes)} · 90 % เสร็จภายใน ${workingTime(c.p90WorkingMinutes)}`
      + ` · งานค้าง ${c.open} รายการ`
  };
}

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
    const label = overlayText(c);
    // Above the task: Cockpit's running-instance and incident badges are at its bottom-left corner.
    overlays.add(row.stepId, 'senate-kpi', {
      position: {top: -22, left: 0},
      html: `<div class="senate-kpi-overlay${late ? ' late' : ''}" title="${escapeHtml(label.title)}">`
        + `${escapeHtml(label.text)}</div>`
    });
  });
}

export default [
  {
    id: 'senate-kpi.route',
    pluginPoint: 'cockpit.route',
    properties: {path: '/senate-kpi', label: 'ตัวชี้วัด KPI'},
    // Cockpit's .ctn-main clips (overflow: hidden) and its own views scroll inside it (.ctn-view): so does this
    // page, or the report table below the charts is out of reach for the manager.
    render: node => {
      node.classList.add('senate-kpi-route');
      renderDashboard(node);
    }
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
