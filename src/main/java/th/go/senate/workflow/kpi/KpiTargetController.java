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

import th.go.senate.workflow.kpi.KpiTargetService.TargetInput;
import th.go.senate.workflow.web.CurrentUser;

/**
 * KPI targets over REST. Every signed-in user may read a fiscal year's targets (a bureau must know its own;
 * targets are open by default); administrators, KPI managers and the Bureau of Policy and Planning
 * maintain them.
 */
@RestController
@RequestMapping("/api/kpi/targets")
public class KpiTargetController {

  /** Besides camunda-admin, the groups that may add, change and remove targets. */
  public static final String[] TARGET_MAINTAINERS = {"kpiManagers", "burPolicyPlan"};

  private final KpiTargetService targets;
  private final CurrentUser currentUser;

  public KpiTargetController(KpiTargetService targets, CurrentUser currentUser) {
    this.targets = targets;
    this.currentUser = currentUser;
  }

  @GetMapping
  public List<KpiTarget> list(@RequestParam String fiscalYear) {
    currentUser.authentication();
    return targets.list(KpiTargetService.parseFiscalYear(fiscalYear));
  }

  @PostMapping
  public ResponseEntity<KpiTarget> add(@RequestBody TargetInput input) {
    currentUser.requireAnyGroup(TARGET_MAINTAINERS);
    KpiTarget saved = targets.add(input);
    return ResponseEntity.created(URI.create("/api/kpi/targets/" + saved.id())).body(saved);
  }

  @PutMapping("/{id}")
  public KpiTarget change(@PathVariable long id, @RequestBody TargetInput input) {
    currentUser.requireAnyGroup(TARGET_MAINTAINERS);
    return targets.change(id, input);
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> remove(@PathVariable long id) {
    currentUser.requireAnyGroup(TARGET_MAINTAINERS);
    targets.remove(id);
    return ResponseEntity.noContent().build();
  }
}
