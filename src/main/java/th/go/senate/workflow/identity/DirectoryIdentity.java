package th.go.senate.workflow.identity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff accounts from the Secretariat's directory (LDAP / Active Directory): Camunda's LDAP identity plugin,
 * configured from {@code senate.ldap.*} (application-ldap.yaml, environment {@code SENATE_LDAP_*}). Users, groups
 * and memberships are then read from the directory and are read-only here; passwords are checked by a bind as
 * the user. The engine keeps its own authorizations and Tasklist filters, which IdentitySeeder seeds for the
 * group ids of bureaus.yaml as without a directory.
 *
 * <p>Group mapping is by attribute: the directory's group entry carries the bureau id ({@code burMeeting},
 * {@code burMeetingHead}, {@code camunda-admin}) in the attribute named by {@code senate.ldap.group-id-attribute}
 * ({@code cn} when groups are named so, or e.g. {@code businessCategory} when their names are for people), and
 * the group search filter selects only such groups. The mapping is then kept where the staff are kept, by whoever
 * keeps the directory, and the engine sees exactly the ids the models and authorizations use.
 *
 * <p>Disabled accounts are left out by the user search filter: a user the filter does not find cannot log in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "senate.ldap", name = "enabled", havingValue = "true")
public class DirectoryIdentity {

  @Bean
  @ConfigurationProperties("senate.ldap")
  public LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
    return new CheckedLdapPlugin();
  }

  /** The plugin, refusing to start with settings missing: a directory half-configured fails at the first login. */
  static class CheckedLdapPlugin extends LdapIdentityProviderPlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<String> missing = new ArrayList<>();
      require(missing, getServerUrl(), "SENATE_LDAP_URL");
      require(missing, getBaseDn(), "SENATE_LDAP_BASE_DN");
      require(missing, getUserSearchFilter(), "SENATE_LDAP_USER_FILTER");
      require(missing, getGroupSearchFilter(), "SENATE_LDAP_GROUP_FILTER");
      require(missing, getGroupIdAttribute(), "SENATE_LDAP_GROUP_ID_ATTRIBUTE");
      if (getManagerDn() != null && !getManagerDn().isBlank()) {
        require(missing, getManagerPassword(), "SENATE_LDAP_MANAGER_PASSWORD (or SENATE_LDAP_MANAGER_PASSWORD_FILE)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("ตั้งค่าไดเรกทอรี (LDAP) ไม่ครบ: " + String.join(", ", missing)
            + " (directory settings missing for the ldap profile)");
      }
      if (isAllowAnonymousLogin()) {
        throw new IllegalStateException("ไม่อนุญาตให้เข้าสู่ระบบโดยไม่มีรหัสผ่าน (senate.ldap.allow-anonymous-login "
            + "must stay false: an empty password would bind anonymously)");
      }
      super.preInit(configuration);
    }

    private static void require(List<String> missing, String value, String name) {
      if (value == null || value.isBlank()) {
        missing.add(name);
      }
    }
  }
}
