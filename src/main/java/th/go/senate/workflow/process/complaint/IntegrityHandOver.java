package th.go.senate.workflow.process.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * EndEvent_HandedOverToIntegrity of {@code complaint}: a complaint classified as corruption or misconduct
 * becomes an integrity case; the complainant's name and contact leave the complaint (and the petition it came
 * from, if any) for the protected store ({@link IntegrityCaseService#handOver}).
 */
@Component("integrityHandOver")
public class IntegrityHandOver implements JavaDelegate {

  private final IntegrityCaseService cases;

  public IntegrityHandOver(IntegrityCaseService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.handOver(execution, "COMPLAINT", (String) execution.getVariable("subject"), (String) execution.getVariable("details"),
        String.valueOf(execution.getVariable("receivedDate")));
  }
}
