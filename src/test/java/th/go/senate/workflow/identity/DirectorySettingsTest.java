package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import th.go.senate.workflow.identity.DirectoryIdentity.CheckedLdapPlugin;

/** The ldap profile refuses to start half-configured, and never with anonymous logins. */
class DirectorySettingsTest {

  @Test
  void missingSettingsAreNamed() {
    CheckedLdapPlugin plugin = new CheckedLdapPlugin();
    plugin.setServerUrl("");
    plugin.setBaseDn(null);
    plugin.setManagerDn("cn=workflow-reader,dc=senate,dc=go,dc=th");
    plugin.setManagerPassword("");
    assertThatThrownBy(() -> plugin.preInit(null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ตั้งค่าไดเรกทอรี (LDAP) ไม่ครบ")
        .hasMessageContaining("SENATE_LDAP_URL").hasMessageContaining("SENATE_LDAP_BASE_DN")
        .hasMessageContaining("SENATE_LDAP_MANAGER_PASSWORD_FILE")
        .hasMessageNotContaining("SENATE_LDAP_USER_FILTER").hasMessageNotContaining("SENATE_LDAP_GROUP_FILTER");
  }

  @Test
  void anonymousLoginIsRefused() {
    CheckedLdapPlugin plugin = new CheckedLdapPlugin();
    plugin.setServerUrl("ldap://127.0.0.1:389");
    plugin.setBaseDn("dc=senate,dc=go,dc=th");
    plugin.setAllowAnonymousLogin(true);
    assertThatThrownBy(() -> plugin.preInit(null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("allow-anonymous-login");
  }
}
