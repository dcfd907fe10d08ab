package th.go.senate.workflow.web;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

/**
 * The user the REST authentication filter established for this request (HTTP Basic against the
 * engine's identity service), and the group checks of the project's own API.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      // The filter in front of /api/** never lets an anonymous request through; this is a second lock.
      throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "ต้องเข้าสู่ระบบ");
    }
    return authentication;
  }

  public String userId() {
    return authentication().getUserId();
  }

  public List<String> groups() {
    List<String> groups = authentication().getGroupIds();
    return groups == null ? List.of() : groups;
  }

  public boolean isAdmin() {
    return groups().contains(Groups.CAMUNDA_ADMIN);
  }

  public boolean inAnyGroup(Collection<String> groupIds) {
    return isAdmin() || groups().stream().anyMatch(groupIds::contains);
  }

  /** Administrators pass always; anyone else must be in one of the groups. */
  public void requireAnyGroup(String... groupIds) {
    if (!inAnyGroup(List.of(groupIds))) {
      throw new ForbiddenException("ผู้ใช้ " + userId() + " ไม่มีสิทธิ์ดำเนินการนี้");
    }
  }
}
