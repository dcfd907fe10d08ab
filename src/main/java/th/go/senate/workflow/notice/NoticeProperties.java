package th.go.senate.workflow.notice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the Secretariat configures about notices ({@code senate.notice.*}, application.yaml): the sender, the
 * link to Tasklist, the retries, which SLA checkpoint notifies whom, and which steps mail the petitioner.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no notice is
 * written at all (and the start says so).
 */
@ConfigurationProperties("senate.notice")
public class NoticeProperties {

  /** Who the SLA checkpoint mails go to. */
  public enum Audience {
    /** the task's assignee; the bureau (its candidate group's members) while the task is unclaimed */
    ASSIGNEE_OR_BUREAU,
    /** the assignee only (nobody while unclaimed) */
    ASSIGNEE,
    /** the members of the task's bureau (its candidate group) */
    BUREAU,
    /** the members of the bureau's head group ({@code <bureau>Head}) */
    HEAD_GROUP,
    /** the members of the policy's escalation group (sgOffice) */
    ESCALATION_GROUP
  }

  /** One SLA checkpoint action's notice: its template (src/main/resources/notices/) and its audiences. */
  public static class Checkpoint {
    private String template;
    private List<Audience> notify = new ArrayList<>();

    public String getTemplate() {
      return template;
    }

    public void setTemplate(String template) {
      this.template = template;
    }

    public List<Audience> getNotify() {
      return notify;
    }

    public void setNotify(List<Audience> notify) {
      this.notify = notify;
    }
  }

  private String from = "noreply@senate.go.th";
  private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/default/";
  private String trackerUrl = "http://localhost:8080/public/track";
  private int attempts = 6;
  private Duration retryInterval = Duration.ofMinutes(5);
  private Map<String, Checkpoint> slaCheckpoints = new LinkedHashMap<>();
  /** process key → step id → template: the steps whose completion mails the petitioner (when they gave an address). */
  private Map<String, Map<String, String>> petitioner = new LinkedHashMap<>();
  private List<String> confidentialProcesses = new ArrayList<>(List.of("integrityCase"));

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTasklistUrl() {
    return tasklistUrl;
  }

  public void setTasklistUrl(String tasklistUrl) {
    this.tasklistUrl = tasklistUrl;
  }

  public String getTrackerUrl() {
    return trackerUrl;
  }

  public void setTrackerUrl(String trackerUrl) {
    this.trackerUrl = trackerUrl;
  }

  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  public Duration getRetryInterval() {
    return retryInterval;
  }

  public void setRetryInterval(Duration retryInterval) {
    this.retryInterval = retryInterval;
  }

  public Map<String, Checkpoint> getSlaCheckpoints() {
    return slaCheckpoints;
  }

  public void setSlaCheckpoints(Map<String, Checkpoint> slaCheckpoints) {
    this.slaCheckpoints = slaCheckpoints;
  }

  public Map<String, Map<String, String>> getPetitioner() {
    return petitioner;
  }

  public void setPetitioner(Map<String, Map<String, String>> petitioner) {
    this.petitioner = petitioner;
  }

  public List<String> getConfidentialProcesses() {
    return confidentialProcesses;
  }

  public void setConfidentialProcesses(List<String> confidentialProcesses) {
    this.confidentialProcesses = confidentialProcesses;
  }
}
