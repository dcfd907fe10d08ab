package th.go.senate.workflow.kpi;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the public statistics page publishes ({@code senate.public-statistics.*}): the processes and their order,
 * the reporting rounds offered, and the processes whose counts wait for the end of a round.
 */
@ConfigurationProperties("senate.public-statistics")
public class PublicStatisticsProperties {

  /** The processes shown, in this order, each with a row even when it has no case; empty: every deployed process. */
  private List<String> processes = new ArrayList<>();
  /** The rounds offered (6, 9 or 12 months): ITA publishes the 6- and 12-month complaint statistics. */
  private List<Integer> rounds = new ArrayList<>(List.of(6, 12));
  /**
   * Protected processes (the integrity cases): counts only, and only of rounds that have ended, so that the page
   * never shows a count moving the day a complaint arrives or closes (which could point at a complainant).
   */
  private List<String> afterRoundEnd = new ArrayList<>(List.of("integrityCase"));

  public List<String> getProcesses() {
    return processes;
  }

  public void setProcesses(List<String> processes) {
    this.processes = processes;
  }

  public List<Integer> getRounds() {
    return rounds;
  }

  public void setRounds(List<Integer> rounds) {
    this.rounds = rounds;
  }

  public List<String> getAfterRoundEnd() {
    return afterRoundEnd;
  }

  public void setAfterRoundEnd(List<String> afterRoundEnd) {
    this.afterRoundEnd = afterRoundEnd;
  }
}
