package th.go.senate.workflow.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one description of the Secretariat's groups and who may do what (identity/bureaus.yaml, from domain.md):
 * the groups, who starts which process, the monitoring groups, the protected processes and their handlers, and
 * who may use the platform's own functions. Identity seeding, SLA escalation, the model checks and every
 * permission check of the platform's own API read it from here; nothing of it is repeated in Java.
 */
@ConfigurationProperties("senate.identity")
public class BureauDirectory implements InitializingBean {

  public static final String HEAD_SUFFIX = "Head";

  /** The groups as configured, in order. */
  private List<GroupDescription> groups = new ArrayList<>();

  /** Which groups may start which process (process key → group ids). */
  private Map<String, List<String>> starters = new LinkedHashMap<>();

  /** Groups that monitor every process in Cockpit (the protected ones excepted) and read every KPI report. */
  private List<String> monitoring = new ArrayList<>();

  /** Processes whose instances only their handling groups may read (process key → group ids). */
  private Map<String, List<String>> protectedProcesses = new LinkedHashMap<>();

  /** Who, besides camunda-admin, may use the platform's own functions. */
  private Rights rights = new Rights();

  public List<GroupDescription> getGroups() {
    return groups;
  }

  public void setGroups(List<GroupDescription> groups) {
    this.groups = groups;
  }

  public Map<String, List<String>> getStarters() {
    return starters;
  }

  public void setStarters(Map<String, List<String>> starters) {
    this.starters = starters;
  }

  public List<String> getMonitoring() {
    return monitoring;
  }

  public void setMonitoring(List<String> monitoring) {
    this.monitoring = monitoring;
  }

  public Map<String, List<String>> getProtectedProcesses() {
    return protectedProcesses;
  }

  public void setProtectedProcesses(Map<String, List<String>> protectedProcesses) {
    this.protectedProcesses = protectedProcesses;
  }

  public Rights getRights() {
    return rights;
  }

  public void setRights(Rights rights) {
    this.rights = rights;
  }

  /** The groups that handle a protected process; an empty list for a process that is not protected. */
  public List<String> handlersOf(String processKey) {
    return protectedProcesses.getOrDefault(processKey, List.of());
  }

  /** Every group: the configured ones and, for each bureau, its supervisor group. */
  public List<GroupDescription> allGroups() {
    List<GroupDescription> all = new ArrayList<>();
    for (GroupDescription group : groups) {
      all.add(group);
      if (group.hasHeadGroup()) {
        all.add(new GroupDescription(group.getId() + HEAD_SUFFIX, false,
            "ผู้อำนวยการ" + group.getNameTh(), "Head of " + group.getNameEn()));
      }
    }
    return all;
  }

  public boolean exists(String groupId) {
    return allGroups().stream().anyMatch(g -> g.getId().equals(groupId));
  }

  /** The supervisor group of a bureau ({@code burMeeting → burMeetingHead}), if it has one. */
  public Optional<String> headOf(String groupId) {
    return groups.stream().filter(g -> g.getId().equals(groupId) && g.hasHeadGroup())
        .map(g -> g.getId() + HEAD_SUFFIX).findFirst();
  }

  /** The Thai names of groups, for refusals that say who may (an unknown id stays as it is). */
  public String namesTh(Collection<String> groupIds) {
    List<GroupDescription> all = allGroups();
    return groupIds.stream().map(id -> all.stream().filter(g -> g.getId().equals(id)).findFirst()
        .map(GroupDescription::getNameTh).orElse(id)).collect(Collectors.joining(", "));
  }

  @Override
  public void afterPropertiesSet() {
    check();
  }

  /**
   * Refuses a description naming a group it does not define: a misspelt id would otherwise grant nothing (or,
   * in a directory, a group of that name) without anyone noticing.
   */
  public void check() {
    Set<String> unknown = new LinkedHashSet<>();
    starters.forEach((process, ids) -> unknown.addAll(unknownOf("starters." + process, ids)));
    unknown.addAll(unknownOf("monitoring", monitoring));
    protectedProcesses.forEach((process, ids) -> unknown.addAll(unknownOf("protected-processes." + process, ids)));
    unknown.addAll(unknownOf("rights.calendar", rights.getCalendar()));
    unknown.addAll(unknownOf("rights.kpi-targets", rights.getKpiTargets()));
    unknown.addAll(unknownOf("rights.question-register", rights.getQuestionRegister()));
    unknown.addAll(unknownOf("rights.integrity-intake", rights.getIntegrityIntake()));
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("identity/bureaus.yaml อ้างถึงกลุ่มที่ไม่มีในรายการ groups: "
          + String.join("; ", unknown) + " (senate.identity names groups it does not define)");
    }
  }

  private List<String> unknownOf(String section, List<String> ids) {
    return ids == null ? List.of() : ids.stream().filter(id -> !exists(id)).map(id -> section + ": " + id).toList();
  }

  /** One group as configured. */
  public static class GroupDescription {
    private String id;
    private boolean headGroup;
    private String nameTh;
    private String nameEn;

    public GroupDescription() {
    }

    public GroupDescription(String id, boolean headGroup, String nameTh, String nameEn) {
      this.id = id;
      this.headGroup = headGroup;
      this.nameTh = nameTh;
      this.nameEn = nameEn;
    }

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    /** Whether this is a bureau with a supervisor group {@code <id>Head}. */
    public boolean hasHeadGroup() {
      return headGroup;
    }

    public void setHeadGroup(boolean headGroup) {
      this.headGroup = headGroup;
    }

    public String getNameTh() {
      return nameTh;
    }

    public void setNameTh(String nameTh) {
      this.nameTh = nameTh;
    }

    public String getNameEn() {
      return nameEn;
    }

    public void setNameEn(String nameEn) {
      this.nameEn = nameEn;
    }
  }

  /**
   * The groups that, besides camunda-admin, may use each of the platform's own functions ({@code /api/…}).
   * An empty list leaves a function to administrators.
   */
  public static class Rights {
    /** Add, change and remove holidays and session periods (everyone signed in reads them). */
    private List<String> calendar = new ArrayList<>();
    /** Add, change and remove KPI targets (everyone signed in reads them). */
    private List<String> kpiTargets = new ArrayList<>();
    /** Read the register of questions to ministers. */
    private List<String> questionRegister = new ArrayList<>();
    /** Register an integrity case (reading it afterwards is for the handlers of integrityCase only). */
    private List<String> integrityIntake = new ArrayList<>();

    public List<String> getCalendar() {
      return calendar;
    }

    public void setCalendar(List<String> calendar) {
      this.calendar = calendar;
    }

    public List<String> getKpiTargets() {
      return kpiTargets;
    }

    public void setKpiTargets(List<String> kpiTargets) {
      this.kpiTargets = kpiTargets;
    }

    public List<String> getQuestionRegister() {
      return questionRegister;
    }

    public void setQuestionRegister(List<String> questionRegister) {
      this.questionRegister = questionRegister;
    }

    public List<String> getIntegrityIntake() {
      return integrityIntake;
    }

    public void setIntegrityIntake(List<String> integrityIntake) {
      this.integrityIntake = integrityIntake;
    }
  }
}
