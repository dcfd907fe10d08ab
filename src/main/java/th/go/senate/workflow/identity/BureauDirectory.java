package th.go.senate.workflow.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one description of the Secretariat's groups (identity/bureaus.yaml, from domain.md). Identity
 * seeding, SLA escalation and the model checks all read it from here.
 */
@ConfigurationProperties("senate.identity")
public class BureauDirectory {

  public static final String HEAD_SUFFIX = "Head";

  /** The groups as configured, in order. */
  private List<GroupDescription> groups = new ArrayList<>();

  /** Which groups may start which process (process key → group ids). */
  private Map<String, List<String>> starters = new LinkedHashMap<>();

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

  /** Every group: the configured ones and, for each bureau, its supervisor group. */
  public List<GroupDescription> allGroups() {
    List<GroupDescription> all = new ArrayList<>();
    for (GroupDescription group : groups) {
      all.add(group);
      if (group.isHead()) {
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
    return groups.stream().filter(g -> g.getId().equals(groupId) && g.isHead())
        .map(g -> g.getId() + HEAD_SUFFIX).findFirst();
  }

  /** One group as configured. */
  public static class GroupDescription {
    private String id;
    private boolean head;
    private String nameTh;
    private String nameEn;

    public GroupDescription() {
    }

    public GroupDescription(String id, boolean head, String nameTh, String nameEn) {
      this.id = id;
      this.head = head;
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
    public boolean isHead() {
      return head;
    }

    public void setHead(boolean head) {
      this.head = head;
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
}
