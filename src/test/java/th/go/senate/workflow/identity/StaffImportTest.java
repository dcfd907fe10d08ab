package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.PlatformTest;

/**
 * The CSV import of staff over HTTP as an administrator sends it: a dry run creates nobody, a good file creates
 * every user with the right groups and a working initial password, a file with bad lines is refused whole with
 * each bad line's number, and only camunda-admin may import.
 */
class StaffImportTest extends PlatformTest {

  private static final String PATH = "/api/identity/staff";
  private static final AtomicInteger RUN = new AtomicInteger();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Ids unique to this test, whatever the shared database already holds. */
  private static String id(String name) {
    return "imp" + name + RUN.get() + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  @Test
  void aDryRunChecksAndCreatesNobody() throws Exception {
    RUN.incrementAndGet();
    String clerk = id("clerk");
    HttpResponse<String> reply = post("demo", "demo", PATH + "?dryRun=true",
        "id,name,email,bureau,head\n" + clerk + ",นางสาวสมศรี ใจงาม,somsri@senate.go.th,burMeeting,no\n");

    assertThat(reply.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(reply.body());
    assertThat(body.path("dryRun").asBoolean()).isTrue();
    assertThat(body.path("count").asInt()).isEqualTo(1);
    assertThat(body.path("users").get(0).path("groups").toString()).isEqualTo("[\"burMeeting\"]");
    assertThat(body.path("users").get(0).path("initialPassword").isNull()).isTrue();
    assertThat(identityService.createUserQuery().userId(clerk).count()).isZero();
  }

  @Test
  void aGoodFileCreatesEveryUserWithTheirGroupsAndAnInitialPassword() throws Exception {
    RUN.incrementAndGet();
    String clerk = id("clerk");
    String director = id("director");
    String analyst = id("analyst");
    // Excel's UTF-8 mark, Windows line ends, an empty line, quoted values, Thai yes.
    String csv = "\uFEFFid,name,email,bureau,head\r\n"
        + clerk + ",นางสาวสมศรี ใจงาม,somsri.j@senate.go.th,burMeeting,no\r\n"
        + "\r\n"
        + director + ",\"นายสมชาย  รักงาน\",somchai.r@senate.go.th,burMeeting,ใช่\r\n"
        + analyst + ",นางวิไล มีสุข,wilai.m@senate.go.th,kpiManagers,\r\n";

    HttpResponse<String> reply = post("demo", "demo", PATH, csv);

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(reply.body());
    assertThat(body.path("count").asInt()).isEqualTo(3);
    Map<String, String> passwords = new TreeMap<>();
    body.path("users").forEach(user -> passwords.put(user.path("id").asText(), user.path("initialPassword").asText()));
    assertThat(passwords).containsOnlyKeys(clerk, director, analyst);
    assertThat(passwords.values()).allMatch(p -> p.length() == 16).doesNotHaveDuplicates();
    // Production enables Camunda's password policy (postgres profile): the initial passwords pass it.
    assertThat(passwords.values()).allMatch(p -> identityService.checkPasswordAgainstPolicy(
        new org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl(), p).isValid());

    assertThat(identityService.createUserQuery().userId(director).singleResult().getFirstName()).isEqualTo("นายสมชาย");
    assertThat(identityService.createUserQuery().userId(director).singleResult().getLastName()).isEqualTo("รักงาน");
    assertThat(identityService.createUserQuery().userId(clerk).singleResult().getEmail())
        .isEqualTo("somsri.j@senate.go.th");
    assertThat(groupsOf(clerk)).containsExactly("burMeeting");
    // A director is a member of the bureau and of its supervisor group.
    assertThat(groupsOf(director)).containsExactlyInAnyOrder("burMeeting", "burMeetingHead");
    assertThat(groupsOf(analyst)).containsExactly("kpiManagers");

    // The initial password signs in over engine-rest; a wrong one does not.
    assertThat(get(clerk, passwords.get(clerk), "/engine-rest/task").statusCode()).isEqualTo(200);
    assertThat(get(clerk, "demo", "/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(identityService.checkPassword(director, passwords.get(director))).isTrue();
  }

  @Test
  void aFileWithBadLinesIsRefusedWholeWithEveryLineNumber() throws Exception {
    RUN.incrementAndGet();
    String good = id("good");
    String dup = id("dup");
    String csv = "id,name,email,bureau,head\n"
        + good + ",นางสาวสมศรี ใจงาม,somsri@senate.go.th,burMeeting,no\n"         // 2: good
        + "bad-id,นายเอ บี,a@senate.go.th,burMeeting,no\n"                           // 3: id
        + dup + ",นายบี ซี,b@senate.go.th,burMeeting,no\n"                           // 4: good by itself
        + dup + ",นายซี ดี,c@senate.go.th,burMeeting,no\n"                           // 5: duplicate of 4
        + "demo,ผู้ดูแล ระบบ,demo@senate.go.th,burMeeting,no\n"                      // 6: exists
        + id("mail") + ",นายดี อี,not-an-email,burMeeting,no\n"                      // 7: e-mail
        + id("noname") + ",,e@senate.go.th,burMeeting,no\n"                          // 8: name
        + id("bureau") + ",นายเอฟ จี,f@senate.go.th,burNowhere,no\n"                 // 9: bureau
        + id("head") + ",นายจี เอช,g@senate.go.th,kpiManagers,yes\n"                 // 10: no head group
        + id("flag") + ",นายเอช ไอ,h@senate.go.th,burMeeting,maybe\n"                // 11: head value
        + id("cols") + ",นายไอ เจ,i@senate.go.th,burMeeting\n";                      // 12: columns

    for (String path : List.of(PATH + "?dryRun=true", PATH)) {
      HttpResponse<String> reply = post("demo", "demo", path, csv);

      assertThat(reply.statusCode()).isEqualTo(400);
      JsonNode body = JSON.readTree(reply.body());
      assertThat(body.path("detail").asText()).startsWith("ไม่ได้นำเข้าผู้ใช้ใดเลย");
      Map<Integer, String> errors = new TreeMap<>();
      body.path("errors").forEach(e -> errors.put(e.path("line").asInt(), e.path("message").asText()));
      assertThat(errors).containsOnlyKeys(3, 5, 6, 7, 8, 9, 10, 11, 12);
      assertThat(errors.get(3)).startsWith("รหัสผู้ใช้ 'bad-id' ไม่ถูกต้อง");
      assertThat(errors.get(5)).contains("ซ้ำกับบรรทัดที่ 4");
      assertThat(errors.get(6)).startsWith("มีผู้ใช้รหัส 'demo' อยู่แล้ว");
      assertThat(errors.get(7)).startsWith("อีเมล 'not-an-email' ไม่ถูกต้อง");
      assertThat(errors.get(8)).startsWith("ไม่มีชื่อ-นามสกุล");
      assertThat(errors.get(9)).startsWith("ไม่รู้จักสำนัก/กลุ่ม 'burNowhere'");
      assertThat(errors.get(10)).contains("ไม่มีกลุ่มผู้อำนวยการ");
      assertThat(errors.get(11)).startsWith("ช่อง head ต้องเป็น yes/no");
      assertThat(errors.get(12)).startsWith("ต้องมี 5 ช่อง");
      // Nothing created, not even the good lines.
      assertThat(identityService.createUserQuery().userIdIn(good, dup).count()).isZero();
    }
  }

  @Test
  void aWrongHeaderOrAnEmptyFileIsRefused() throws Exception {
    HttpResponse<String> header = post("demo", "demo", PATH, "user,name,mail,bureau,head\nx,y,z@a.th,burMeeting,no\n");
    assertThat(header.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(header.body()).path("errors").get(0).path("message").asText())
        .startsWith("บรรทัดหัวตารางต้องเป็น id,name,email,bureau,head");
    HttpResponse<String> empty = post("demo", "demo", PATH, "id,name,email,bureau,head\n");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).path("errors").get(0).path("message").asText())
        .startsWith("ไม่มีผู้ใช้ในแฟ้ม");
  }

  @Test
  void onlyAdministratorsImport() throws Exception {
    RUN.incrementAndGet();
    String clerk = id("clerk");
    String csv = "id,name,email,bureau,head\n" + clerk + ",นางสาวสมศรี ใจงาม,somsri@senate.go.th,burMeeting,no\n";
    List<Integer> refusals = new ArrayList<>();
    // A bureau director, the Secretary-General's office and the KPI managers are not administrators.
    for (String user : List.of("burMeetingHeadUser", "sgOfficeUser", "kpiManagersUser")) {
      HttpResponse<String> reply = post(user, "demo", PATH + "?dryRun=true", csv);
      refusals.add(reply.statusCode());
      assertThat(JSON.readTree(reply.body()).path("detail").asText()).contains("เฉพาะผู้ดูแลระบบ");
    }
    assertThat(refusals).containsOnly(403);
    assertThat(post(null, null, PATH, csv).statusCode()).isEqualTo(401);
    assertThat(post("demo", "wrong", PATH, csv).statusCode()).isEqualTo(401);
    // The failed login leaves demo's lock expiry at the real time: a later test that moves the engine clock back
    // before it (MonitoringTest) would find the shared administrator locked.
    identityService.unlockUser("demo");
    assertThat(identityService.createUserQuery().userId(clerk).count()).isZero();
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private HttpResponse<String> post(String user, String password, String path, String csv)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "text/csv; charset=UTF-8").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String user, String password, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic(user, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
