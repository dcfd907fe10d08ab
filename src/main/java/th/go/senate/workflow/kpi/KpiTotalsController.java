package th.go.senate.workflow.kpi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.kpi.KpiTotalsRepository.Rebuild;
import th.go.senate.workflow.web.CurrentUser;

/**
 * The repair command of the KPI report's pre-aggregate: {@code POST /api/kpi/totals/rebuild}, administrators only.
 * It rebuilds the totals exactly from the step facts and answers how many rows had been wrong (0 when the recorder
 * kept them, as it should). Needed after facts were changed outside the platform (a correction in SQL, a restore
 * of the facts alone). A holiday added or removed re-plans the open steps' due dates through the recorder, which
 * moves the totals in the same transaction, and a changed SLA duration applies to new steps only: neither needs
 * it. The first start after the upgrade
 * that brought the totals builds them once ({@code kpi_totals_rebuild}).
 */
@RestController
@RequestMapping("/api/kpi/totals")
public class KpiTotalsController {

  private static final Logger LOG = LoggerFactory.getLogger(KpiTotalsController.class);

  private final KpiTotalsRepository totals;
  private final CurrentUser currentUser;

  public KpiTotalsController(KpiTotalsRepository totals, CurrentUser currentUser) {
    this.totals = totals;
    this.currentUser = currentUser;
  }

  @PostMapping("/rebuild")
  public Rebuild rebuild() {
    currentUser.requireAnyGroup();
    Rebuild rebuild = totals.rebuild();
    LOG.info("KPI totals rebuilt by {}: {}", currentUser.userId(), rebuild);
    return rebuild;
  }

  /** Builds the totals once when the upgrade asked for it (a database that had facts before the totals existed). */
  @EventListener(ApplicationReadyEvent.class)
  public void buildIfRequested() {
    totals.rebuildIfRequested().ifPresent(rebuild -> LOG.info("KPI totals built from the existing facts: {}", rebuild));
  }
}
