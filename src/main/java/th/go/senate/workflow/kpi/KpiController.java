package th.go.senate.workflow.kpi;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.CurrentUser;
import th.go.senate.workflow.web.InputRules;
import th.go.senate.workflow.web.NotFoundException;

/** The KPI facts over REST: the steps of one case, and a per-step summary of a process. */
@RestController
@RequestMapping("/api/kpi")
public class KpiController {

  private final KpiRepository facts;
  private final KpiReportQueries queries;
  private final HistoryService historyService;
  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public KpiController(KpiRepository facts, KpiReportQueries queries, HistoryService historyService,
      CurrentUser currentUser, BureauDirectory bureaus) {
    this.facts = facts;
    this.queries = queries;
    this.historyService = historyService;
    this.currentUser = currentUser;
    this.bureaus = bureaus;
  }

  /**
   * The step facts of one instance, for whoever may read the instance's history (the engine's own
   * authorization decides; an instance the caller may not read is reported as not found).
   */
  @GetMapping("/steps")
  public List<StepFact> steps(@RequestParam String processInstanceId) {
    currentUser.authentication();
    if (processInstanceId.isBlank() || processInstanceId.length() > 64) {
      throw new BadRequestException("รหัสกรณีไม่ถูกต้อง");
    }
    if (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      throw new NotFoundException("ไม่พบกรณี " + processInstanceId + " หรือไม่มีสิทธิ์ดู");
    }
    return facts.stepsOfInstance(processInstanceId);
  }

  /**
   * Per step of a process, over all its facts: count, completed, % on time and median working minutes of the
   * completed steps, escalations; counted in the database ({@link KpiReportQueries#stepSummaries}).
   */
  @GetMapping("/summary")
  public List<StepSummary> summary(@RequestParam String processKey) {
    InputRules.requireProcessKey(processKey);
    currentUser.requireAnyGroup(bureaus.getMonitoring().toArray(String[]::new));
    return queries.stepSummaries(processKey);
  }
}
