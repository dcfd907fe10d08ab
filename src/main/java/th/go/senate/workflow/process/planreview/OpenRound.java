package th.go.senate.workflow.process.planreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Activity_OpenRound ({@code ${planReviewOpenRound}}). A delegate rather than a method
 * expression, so that a refusal reaches the clerk as the Thai validation message itself (an expression would
 * wrap it in a generic engine error).
 */
@Component("planReviewOpenRound")
public class OpenRound implements JavaDelegate {

  private final PlanReviewRound round;

  public OpenRound(PlanReviewRound round) {
    this.round = round;
  }

  @Override
  public void execute(DelegateExecution execution) {
    round.open(execution);
  }
}
