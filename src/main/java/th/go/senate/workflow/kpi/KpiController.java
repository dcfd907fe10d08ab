package th.go.senate.workflow.kpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
  private final HistoryService historyService;
  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public KpiController(KpiRepository facts, HistoryService historyService, CurrentUser currentUser,
      BureauDirectory bureaus) {
    this.facts = facts;
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
      throw new BadRequestException("รหัสกรณีไม่ถูกต้อง (malformed processInstanceId)");
    }
    if (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      throw new NotFoundException("ไม่พบกรณี " + processInstanceId + " หรือไม่มีสิทธิ์ดู (process instance "
          + processInstanceId + " not found or not readable)");
    }
    return facts.stepsOfInstance(processInstanceId);
  }

  /** Per step of a process: count, completed, % on time and median working-time duration (minutes). */
  @GetMapping("/summary")
  public List<StepSummary> summary(@RequestParam String processKey) {
    InputRules.requireProcessKey(processKey);
    currentUser.requireAnyGroup(bureaus.getMonitoring().toArray(String[]::new));
    Map<String, List<StepFact>> byStep = facts.stepsOfProcess(processKey).stream()
        .collect(Collectors.groupingBy(StepFact::stepId, LinkedHashMap::new, Collectors.toList()));
    List<StepSummary> result = new ArrayList<>();
    byStep.forEach((stepId, steps) -> {
      List<StepFact> completed = steps.stream().filter(s -> KpiRecorder.COMPLETED.equals(s.endState())).toList();
      long onTime = completed.stream().filter(s -> Boolean.TRUE.equals(s.slaMet())).count();
      List<Integer> minutes = completed.stream().map(StepFact::workingMinutes)
          .filter(m -> m != null).sorted().toList();
      result.add(new StepSummary(processKey, stepId, steps.get(0).stepName(), steps.size(), completed.size(),
          completed.isEmpty() ? null : Math.round(1000.0 * onTime / completed.size()) / 10.0,
          median(minutes), steps.stream().mapToInt(StepFact::escalations).sum()));
    });
    return result;
  }

  static Double median(List<Integer> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** One row of the summary; {@code onTimePercent} and {@code medianWorkingMinutes} count completed steps. */
  public record StepSummary(String processKey, String stepId, String stepName, int count, int completed,
      Double onTimePercent, Double medianWorkingMinutes, int escalations) {
  }
}
