package th.go.senate.workflow.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public tracker's configuration ({@code senate.tracking.*}): the stages a member of the public sees per
 * process, in plain Thai, each reached when a step of the model starts or ends; the processes shown only as a
 * minimal status; the rate limit per client address.
 */
@ConfigurationProperties("senate.tracking")
public class TrackingProperties {

  /** A stage: reached when {@code activity} starts (or ends, {@code when: end}); its label in plain Thai. */
  public static class Stage {
    private String activity;
    private String when = "start";
    private String label;

    public String getActivity() {
      return activity;
    }

    public void setActivity(String activity) {
      this.activity = activity;
    }

    public String getWhen() {
      return when;
    }

    public void setWhen(String when) {
      this.when = when;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }
  }

  private Map<String, List<Stage>> stages = new LinkedHashMap<>();
  private Map<String, String> processNames = new LinkedHashMap<>();
  private List<String> minimal = new ArrayList<>(List.of("integrityCase"));
  private int attempts = 20;
  private Duration window = Duration.ofMinutes(10);

  public Map<String, List<Stage>> getStages() {
    return stages;
  }

  public void setStages(Map<String, List<Stage>> stages) {
    this.stages = stages;
  }

  public Map<String, String> getProcessNames() {
    return processNames;
  }

  public void setProcessNames(Map<String, String> processNames) {
    this.processNames = processNames;
  }

  public List<String> getMinimal() {
    return minimal;
  }

  public void setMinimal(List<String> minimal) {
    this.minimal = minimal;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  public Duration getWindow() {
    return window;
  }

  public void setWindow(Duration window) {
    this.window = window;
  }
}
