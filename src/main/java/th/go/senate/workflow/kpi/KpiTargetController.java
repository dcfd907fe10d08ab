package th.go.senate.workflow.kpi;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.kpi.KpiTargetService.TargetInput;
import th.go.senate.workflow.web.CurrentUser;

/**
 * KPI targets over REST. Every signed-in user may read a fiscal year's targets (a bureau must know its own;
 * targets are open by default); administrators and the groups of {@code rights.kpi-targets} in
 * identity/bureaus.yaml (KPI managers, the Bureau of Policy and Planning) maintain them.
 */
@RestController
@RequestMapping("/api/kpi/targets")
public class KpiTargetController {

  private final KpiTargetService targets;
  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public KpiTargetController(KpiTargetService targets, CurrentUser currentUser, BureauDirectory bureaus) {
    this.targets = targets;
    this.currentUser = currentUser;
    this.bureaus = bureaus;
  }

  @GetMapping
  public List<KpiTarget> list(@RequestParam String fiscalYear) {
    currentUser.authentication();
    return targets.list(KpiTargetService.parseFiscalYear(fiscalYear));
  }

  @PostMapping
  public ResponseEntity<KpiTarget> add(@RequestBody TargetInput input) {
    requireMaintainer();
    KpiTarget saved = targets.add(input);
    return ResponseEntity.created(URI.create("/api/kpi/targets/" + saved.id())).body(saved);
  }

  @PutMapping("/{id}")
  public KpiTarget change(@PathVariable long id, @RequestBody TargetInput input) {
    requireMaintainer();
    return targets.change(id, input);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> remove(@PathVariable long id) {
    requireMaintainer();
    targets.remove(id);
    return ResponseEntity.noContent().build();
  }

  /** Besides camunda-admin, the groups of rights.kpi-targets add, change and remove targets. */
  private void requireMaintainer() {
    currentUser.requireAnyGroup(bureaus.getRights().getKpiTargets().toArray(String[]::new));
  }
}
