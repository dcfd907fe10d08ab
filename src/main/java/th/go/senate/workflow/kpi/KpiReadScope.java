package th.go.senate.workflow.kpi;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.web.CurrentUser;
import th.go.senate.workflow.web.ForbiddenException;

/**
 * Who may read which bureaus' KPI figures, in one place for the report, its exports and the cases behind a figure:
 * the monitoring groups (identity/bureaus.yaml) and administrators read every bureau; the head of a bureau
 * ({@code <bureau>Head}) reads that bureau only; anyone else is refused (403).
 */
@Component
public class KpiReadScope {

  private final CurrentUser currentUser;
  private final BureauDirectory bureaus;

  public KpiReadScope(CurrentUser currentUser, BureauDirectory bureaus) {
    this.currentUser = currentUser;
    this.bureaus = bureaus;
  }

  /**
   * The bureaus the caller may read for a request naming {@code bureau} (or none): {@code null} = all (monitoring
   * groups, administrators), else the caller's own bureau(s); a head asking for another bureau is refused.
   */
  public Collection<String> bureaus(String bureau) {
    if (currentUser.inAnyGroup(bureaus.getMonitoring())) {
      return bureau == null ? null : List.of(bureau);
    }
    List<String> headed = headedBureaus();
    if (headed.isEmpty()) {
      throw new ForbiddenException("ผู้ใช้ " + currentUser.userId() + " ไม่มีสิทธิ์ดูรายงานตัวชี้วัด"
          + " เฉพาะ " + bureaus.namesTh(bureaus.getMonitoring()) + " ผู้ดูแลระบบ และผู้อำนวยการสำนัก");
    }
    if (bureau == null) {
      return headed;
    }
    if (!headed.contains(bureau)) {
      throw new ForbiddenException("ผู้อำนวยการสำนักดูได้เฉพาะรายงานของสำนักตนเอง ไม่ใช่ '" + bureau
          + "'");
    }
    return List.of(bureau);
  }

  /** What the caller may read, told to the caller (the Tasklist view asks before it offers itself): never refused. */
  public Readable readable() {
    boolean every = currentUser.inAnyGroup(bureaus.getMonitoring());
    List<Bureau> own = headedBureaus().stream().map(b -> new Bureau(b, bureaus.namesTh(List.of(b)))).toList();
    return new Readable(every, own);
  }

  /** {@code everyBureau}: the monitoring groups and administrators; {@code headOf}: the bureaus the caller heads. */
  public record Readable(boolean everyBureau, List<Bureau> headOf) {
  }

  public record Bureau(String id, String nameTh) {
  }

  /** The bureaus whose head group the caller is in. */
  public List<String> headedBureaus() {
    return currentUser.groups().stream()
        .filter(g -> g.endsWith(BureauDirectory.HEAD_SUFFIX))
        .map(g -> g.substring(0, g.length() - BureauDirectory.HEAD_SUFFIX.length()))
        .filter(b -> bureaus.headOf(b).isPresent()).toList();
  }

  /**
   * Whether the caller may see which cases of a process there are (reference numbers, steps, assignees). A
   * protected process's cases (identity/bureaus.yaml {@code protected-processes}) are listed to its handlers
   * only, administrators not included, as in Cockpit; its figures stay in the counts.
   */
  public boolean mayListCasesOf(String processKey) {
    List<String> handlers = bureaus.handlersOf(processKey);
    return handlers.isEmpty() || currentUser.groups().stream().anyMatch(handlers::contains);
  }
}
