package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.tasklist.TasklistFilters;

/**
 * The ldap profile against a real directory: UnboundID's in-memory LDAP server, started here, with a tree as a
 * Secretariat keeps it (an OU per bureau holding its staff and groups; group entries named for people, carrying
 * the Secretariat's group id in {@code businessCategory}; a director in {@code <bureau>} and {@code <bureau>Head};
 * a clerk in two bureaus; an account disabled with OpenLDAP's ppolicy attribute; a club group that is no bureau).
 * The platform runs as a separate JVM (the real main class, profile ldap, its own H2 file): a second engine named
 * "default" cannot share this JVM with the suite's Spring context. The directory's search password reaches it
 * through {@code SENATE_LDAP_MANAGER_PASSWORD_FILE} (Docker secrets).
 */
@Tag("directory")
class DirectoryAccountsTest {

  private static final String BASE = "dc=senate,dc=go,dc=th";
  private static final String PEOPLE_PASSWORD = "Dir3ctory-Pass-2026!";
  private static final String MANAGER_DN = "cn=workflow-reader,ou=Services," + BASE;
  private static final String MANAGER_PASSWORD = "Re4der-Only-2026!";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InMemoryDirectoryServer directory;
  private static Process app;
  private static int port;
  private static String databaseUrl;
  private static Path home;

  @BeforeAll
  static void startDirectoryAndPlatform() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    // No schema checking: OpenLDAP's ppolicy attribute (pwdAccountLockedTime) is not in the standard schema.
    config.setSchema(null);
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, Files.writeString(Path.of("target", "directory-accounts.ldif"), tree())
        .toFile());
    directory.startListening();

    port = freePort();
    home = Files.createDirectories(Path.of("target", "directory-accounts-" + System.currentTimeMillis()));
    databaseUrl = database(home);
    app = launch(home, port, Map.of());
    awaitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  @Test
  void staffLogInWithTheirDirectoryPasswordAndDisabledAccountsAreRefused() throws Exception {
    assertThat(get("/engine-rest/task/count", "prasert", PEOPLE_PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> profile = get("/engine-rest/user/prasert/profile", "prasert", PEOPLE_PASSWORD);
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(profile.body()).path("firstName").asText()).isEqualTo("ประเสริฐ");
    assertThat(JSON.readTree(profile.body()).path("email").asText()).isEqualTo("prasert@senate.go.th");

    assertThat(get("/engine-rest/task/count", "prasert", "wrong-password").statusCode()).isEqualTo(401);
    // An empty password would be an anonymous bind, which LDAP servers accept.
    assertThat(get("/engine-rest/task/count", "prasert", "").statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task/count", "nobody", PEOPLE_PASSWORD).statusCode()).isEqualTo(401);
    // Disabled in the directory (pwdAccountLockedTime): its right password no longer opens anything.
    assertThat(get("/engine-rest/task/count", "wichai", PEOPLE_PASSWORD).statusCode()).isEqualTo(401);
    // The search account is no staff member.
    assertThat(get("/engine-rest/task/count", "workflow-reader", MANAGER_PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void directoryGroupsBecomeTheSecretariatsBureauAndHeadGroups() throws Exception {
    assertThat(ids(get("/engine-rest/group?member=prasert", "admin.it", PEOPLE_PASSWORD)))
        .containsExactlyInAnyOrder("officePresident", "officePresidentHead");
    assertThat(ids(get("/engine-rest/group?member=somchai", "admin.it", PEOPLE_PASSWORD)))
        .containsExactlyInAnyOrder("officePresident", "burMeeting");
    assertThat(ids(get("/engine-rest/user?memberOfGroup=officePresidentHead", "admin.it", PEOPLE_PASSWORD)))
        .containsExactly("prasert");
    // Only groups carrying a Secretariat id are groups here: the sports club is not; nor is a disabled account
    // a member of anything.
    assertThat(ids(get("/engine-rest/group", "admin.it", PEOPLE_PASSWORD))).containsExactlyInAnyOrder(
        "officePresident", "officePresidentHead", "burMeeting", "burMeetingHead", "camunda-admin");
    assertThat(ids(get("/engine-rest/user?memberOfGroup=officePresident", "admin.it", PEOPLE_PASSWORD)))
        .containsExactlyInAnyOrder("prasert", "somchai");
    // The directory's name of the group, for people.
    HttpResponse<String> group = get("/engine-rest/group/officePresidentHead", "admin.it", PEOPLE_PASSWORD);
    assertThat(JSON.readTree(group.body()).path("name").asText()).isEqualTo("President Office Director");
  }

  @Test
  void aBureauSeesAndWorksOnlyItsOwnTasksThroughTheSeededFilters() throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map.of("channel", "LETTER", "petitionerName", "นางสาวสมใจ ใจดี", "petitionerContact", "081-234-5678",
        "subject", "ขอให้ตรวจสอบการก่อสร้างถนน", "details", "ถนนในหมู่บ้านชำรุดมานานกว่าหนึ่งปี",
        "receivedDate", "2026-11-26").forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    HttpResponse<String> started = post("/engine-rest/process-definition/key/petition/start", "prasert",
        Map.of("variables", variables));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).path("id").asText();
    // A bureau that may not start petitions (burMeeting) is refused.
    assertThat(post("/engine-rest/process-definition/key/petition/start", "malee", Map.of("variables", variables))
        .statusCode()).isEqualTo(403);

    String tasks = "/engine-rest/task?processInstanceId=" + instance;
    assertThat(ids(get(tasks, "prasert", PEOPLE_PASSWORD))).hasSize(1);
    String task = ids(get(tasks, "somchai", PEOPLE_PASSWORD)).get(0);
    assertThat(ids(get(tasks, "malee", PEOPLE_PASSWORD))).isEmpty();
    assertThat(get("/engine-rest/task/" + task, "malee", PEOPLE_PASSWORD).statusCode()).isIn(403, 404);

    // The seeded Tasklist filter resolves "my groups" from the directory.
    HttpResponse<String> filters = get("/engine-rest/filter?name="
        + URLEncoder.encode(TasklistFilters.BUREAU_UNASSIGNED, StandardCharsets.UTF_8), "malee", PEOPLE_PASSWORD);
    String filter = ids(filters).get(0);
    assertThat(ids(get("/engine-rest/filter/" + filter + "/list", "somchai", PEOPLE_PASSWORD))).contains(task);
    assertThat(ids(get("/engine-rest/filter/" + filter + "/list", "malee", PEOPLE_PASSWORD))).doesNotContain(task);

    assertThat(post("/engine-rest/task/" + task + "/claim", "malee", Map.of("userId", "malee")).statusCode())
        .isIn(403, 404);
    assertThat(post("/engine-rest/task/" + task + "/claim", "somchai", Map.of("userId", "somchai")).statusCode())
        .isEqualTo(204);
  }

  @Test
  void thePlatformStartedWithoutCreatingAccountsAndRefusesToCreateThem() throws Exception {
    JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "sa", ""));
    assertThat(db.queryForObject("select count(*) from ACT_ID_USER", Integer.class)).isZero();
    assertThat(db.queryForObject("select count(*) from ACT_ID_GROUP", Integer.class)).isZero();
    assertThat(db.queryForObject("select count(*) from ACT_ID_MEMBERSHIP", Integer.class)).isZero();
    // The authorizations of bureaus.yaml's groups and of camunda-admin are seeded, and the Tasklist filters.
    assertThat(db.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'officePresident' "
        + "and RESOURCE_TYPE_ = 6 and RESOURCE_ID_ = 'petition'", Integer.class)).isEqualTo(1);
    assertThat(db.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'burFinance'",
        Integer.class)).isPositive();
    assertThat(db.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'camunda-admin'",
        Integer.class)).isPositive();
    assertThat(db.queryForObject("select count(*) from ACT_RU_FILTER", Integer.class)).isEqualTo(5);
    // The seeding said why it wrote no group or user.
    assertThat(Files.readString(home.resolve("app.log")))
        .contains(IdentitySeeder.READ_ONLY_SEEDING.substring(0, IdentitySeeder.READ_ONLY_SEEDING.indexOf("{}")));

    // Accounts are the directory's: neither Admin's REST nor the CSV import creates one.
    assertThat(post("/engine-rest/user/create", "admin.it", Map.of("profile", Map.of("id", "intruder",
        "firstName", "x", "lastName", "y", "email", "x@y.invalid"), "credentials", Map.of("password", "Xx1-xxxxxxxx")))
        .statusCode()).isGreaterThanOrEqualTo(400);
    HttpResponse<String> csv = HTTP.send(request("/api/identity/staff?dryRun=true", "admin.it", PEOPLE_PASSWORD)
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
            "id,firstName,lastName,email,bureau,head\nnew1,ก,ข,new1@senate.go.th,burMeeting,false\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(409);
    assertThat(db.queryForObject("select count(*) from ACT_ID_USER", Integer.class)).isZero();
  }

  @Test
  void withoutAnAdministratorInTheDirectoryOrWithOneConfiguredBesideItThePlatformDoesNotStart() throws Exception {
    // The directory's camunda-admin group left out of the mapping: no administrator at all.
    assertRefusedToStart(Map.of("SENATE_LDAP_GROUP_FILTER",
        "(&(objectClass=groupOfNames)(businessCategory=*)(!(businessCategory=camunda-admin)))"),
        AdministratorSetup.NO_DIRECTORY_ADMINISTRATOR);
    // An administrator account of the platform's own cannot be created in a read-only directory.
    assertRefusedToStart(Map.of("CAMUNDA_BPM_ADMINUSER_ID", "admin.it", "CAMUNDA_BPM_ADMINUSER_PASSWORD",
        PEOPLE_PASSWORD), AdministratorSetup.ADMINISTRATOR_FROM_DIRECTORY);
  }

  private static void assertRefusedToStart(Map<String, String> settings, String message) throws Exception {
    Path refusedHome = Files.createDirectories(Path.of("target", "directory-refused-" + System.nanoTime()));
    Process refused = launch(refusedHome, freePort(), settings);
    try {
      assertThat(refused.waitFor(150, TimeUnit.SECONDS)).as("the start failed within 150 s").isTrue();
      assertThat(refused.exitValue()).isNotZero();
      assertThat(Files.readString(refusedHome.resolve("app.log"))).contains(message);
    } finally {
      refused.destroyForcibly();
    }
  }

  // The directory

  private static String tree() {
    StringBuilder ldif = new StringBuilder();
    entry(ldif, BASE, "objectClass: top", "objectClass: domain", "dc: senate");
    entry(ldif, "ou=Services," + BASE, "objectClass: organizationalUnit", "ou: Services");
    entry(ldif, MANAGER_DN, "objectClass: person", "cn: workflow-reader", "sn: reader",
        "userPassword: " + MANAGER_PASSWORD);
    entry(ldif, "ou=Secretariat," + BASE, "objectClass: organizationalUnit", "ou: Secretariat");
    String president = "ou=Office of the Senate President,ou=Secretariat," + BASE;
    String meetings = "ou=Bureau of Meetings,ou=Secretariat," + BASE;
    String it = "ou=Bureau of ICT,ou=Secretariat," + BASE;
    entry(ldif, president, "objectClass: organizationalUnit", "ou: Office of the Senate President");
    entry(ldif, meetings, "objectClass: organizationalUnit", "ou: Bureau of Meetings");
    entry(ldif, it, "objectClass: organizationalUnit", "ou: Bureau of ICT");
    person(ldif, "prasert", president, "ประเสริฐ", "มั่นคง");
    person(ldif, "somchai", president, "สมชาย", "ใจดี");
    person(ldif, "malee", meetings, "มาลี", "ศรีสุข");
    person(ldif, "wichai", president, "วิชัย", "ลาออก", "pwdAccountLockedTime: 000001010000Z");
    person(ldif, "admin.it", it, "ผู้ดูแล", "ระบบ");
    group(ldif, "President Office Staff", president, "officePresident", "prasert", president, "somchai", president,
        "wichai", president);
    group(ldif, "President Office Director", president, "officePresidentHead", "prasert", president);
    group(ldif, "Meetings Staff", meetings, "burMeeting", "malee", meetings, "somchai", president);
    group(ldif, "Meetings Director", meetings, "burMeetingHead", "malee", meetings);
    group(ldif, "Workflow Administrators", it, "camunda-admin", "admin.it", it);
    group(ldif, "Sports Club", it, null, "somchai", president, "malee", meetings);
    return ldif.toString();
  }

  private static void person(StringBuilder ldif, String uid, String ou, String firstName, String lastName,
      String... extra) {
    List<String> lines = new ArrayList<>(List.of("objectClass: inetOrgPerson", "uid: " + uid,
        "cn: " + uid, "givenName:: " + base64(firstName), "sn:: " + base64(lastName),
        "mail: " + uid + "@senate.go.th", "userPassword: " + PEOPLE_PASSWORD));
    lines.addAll(List.of(extra));
    entry(ldif, "uid=" + uid + "," + ou, lines.toArray(String[]::new));
  }

  private static void group(StringBuilder ldif, String cn, String ou, String secretariatId, String... members) {
    List<String> lines = new ArrayList<>(List.of("objectClass: groupOfNames", "cn: " + cn));
    if (secretariatId != null) {
      lines.add("businessCategory: " + secretariatId);
    }
    for (int i = 0; i < members.length; i += 2) {
      lines.add("member: uid=" + members[i] + "," + members[i + 1]);
    }
    entry(ldif, "cn=" + cn + "," + ou, lines.toArray(String[]::new));
  }

  private static void entry(StringBuilder ldif, String dn, String... lines) {
    ldif.append("dn: ").append(dn).append('\n');
    for (String line : lines) {
      ldif.append(line).append('\n');
    }
    ldif.append('\n');
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  // The platform

  private static String database(Path home) {
    return "jdbc:h2:file:" + home.toAbsolutePath().resolve("db") + ";AUTO_SERVER=TRUE";
  }

  private static Process launch(Path home, int port, Map<String, String> settings) throws IOException {
    String entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    Path classpath = Files.writeString(home.resolve("classpath"), "-cp \"" + entries + "\"");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "@" + classpath.toAbsolutePath(), SenateWorkflowApplication.class.getName(),
        "--spring.profiles.active=ldap", "--server.port=" + port, "--spring.datasource.url=" + database(home),
        "--camunda.bpm.job-execution.enabled=false", "--senate.login-throttle.free-failures=1000",
        "--logging.level.root=WARN", "--logging.level.org.springframework.boot=INFO",
        "--logging.level.th.go.senate=INFO");
    Map<String, String> env = builder.environment();
    env.put("SENATE_INTEGRITY_KEY", "SXY34fSCtuYSkqahvhdkVBOmeqdCa4HmpTK31Wetvus=");
    env.put("SENATE_LDAP_URL", "ldap://127.0.0.1:" + directory.getListenPort());
    env.put("SENATE_LDAP_BASE_DN", BASE);
    env.put("SENATE_LDAP_MANAGER_DN", MANAGER_DN);
    env.put("SENATE_LDAP_MANAGER_PASSWORD_FILE", Files.writeString(home.resolve("ldap-password"),
        MANAGER_PASSWORD + "\n").toAbsolutePath().toString());
    env.put("SENATE_LDAP_USER_BASE", "ou=Secretariat");
    env.put("SENATE_LDAP_GROUP_BASE", "ou=Secretariat");
    // Group mapping by attribute: the Secretariat's group id is in businessCategory; groups without it are not ours.
    env.put("SENATE_LDAP_GROUP_ID_ATTRIBUTE", "businessCategory");
    env.put("SENATE_LDAP_GROUP_FILTER", "(&(objectClass=groupOfNames)(businessCategory=*))");
    env.putAll(settings);
    return builder.redirectErrorStream(true).redirectOutput(home.resolve("app.log").toFile()).start();
  }

  private static void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(app.isAlive()).as("application process alive (see target/directory-accounts-*/app.log)").isTrue();
      try {
        if (get("/engine-rest/engine", "admin.it", PEOPLE_PASSWORD).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("application did not start within 240 s (see target/directory-accounts-*/app.log)");
  }

  private static HttpRequest.Builder request(String path, String user, String password) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> get(String path, String user, String password) throws Exception {
    return HTTP.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String user, Object body) throws Exception {
    return HTTP.send(request(path, user, PEOPLE_PASSWORD).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode node : JSON.readTree(response.body())) {
      ids.add(node.path("id").asText());
    }
    return ids;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
