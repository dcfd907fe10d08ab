// Cockpit configuration of senate-workflow (overrides the webjar's scripts/config.js).
export default {
  // The KPI dashboard page, its menu entry and the per-step KPI overlay on process diagrams
  // (plain ES modules, no build step; see senate-kpi/senate-kpi.js).
  customScripts: ['scripts/senate-kpi/senate-kpi.js']
};
