package th.go.senate.workflow.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The one mapping of engine-rest errors to answers (Thai first, English in brackets), for Engine REST and the
 * webapps' engine API alike. Camunda's resources wrap most engine exceptions in a {@link RestException} with
 * status 500 and an English prefix ("Cannot instantiate process definition …:"), and answer several mistakes of
 * the caller as a server error. {@link #answer} looks through the whole cause chain and decides:
 * <ul>
 * <li>400: a {@link Refusal} (a form check, a process rule, the input rule, a business key chosen by the caller),
 * with its Thai message alone, also when a task or execution listener threw it and the engine wrapped it (ENGINE-03051
 * …); a variable of the wrong type; a Java-serialized
 * Object variable; a body Jackson cannot map; a password against the policy; an id Camunda does not accept;</li>
 * <li>403: an authorization failure; 404: a task, instance, definition or form that does not exist or has
 * ended;</li>
 * <li>409: a collision with another transaction the engine's own retry ({@code engine/PersonFirstRetry}) did not
 * resolve, asking the user to reload.</li>
 * </ul>
 * Everything else goes to Camunda's own mapping unchanged. JAX-RS picks the mapper of the nearest exception type,
 * then the highest priority: one thin mapper per type Camunda maps ({@link RestException},
 * {@link ProcessEngineException}, Jackson's, {@link Throwable}), all answering through {@link #answer}.
 * One request check completes it: {@link UnknownTask}.
 */
public final class EngineRestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

  private EngineRestErrors() {
  }

  /**
   * Registers the mappers in every Jersey application of the platform: Engine REST (a Spring Boot Jersey app) and
   * the webapps' own engine API under /camunda/api/engine, through which Tasklist starts processes and submits
   * forms (Camunda's starter builds that one from its own Application class, closed to configuration). Jersey
   * finds this class through META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable.
   */
  public static class Registration implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
          && !context.getConfiguration().isRegistered(RestExceptions.class)) {
        context.register(RestExceptions.class);
        context.register(EngineExceptions.class);
        context.register(JsonMappingExceptions.class);
        context.register(JsonParseExceptions.class);
        context.register(AnyException.class);
        context.register(UnknownTask.class);
      }
    }
  }

  /** The answer to an engine-rest error. */
  static Response answer(Throwable exception) {
    Response platform = platformAnswer(exception);
    return platform != null ? platform : ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  private static Response platformAnswer(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal refused) {
        return answer(Response.Status.BAD_REQUEST, REFUSED, refused.getMessage());
      }
    }
    String message = exception.getMessage() == null ? "" : exception.getMessage();
    // Staff read the Thai answer alone; the engine's own (English) message goes to the log.
    LOG.info("engine-rest request refused: {}", message);
    if (exception instanceof RestException rest && rest.getStatus() == Response.Status.BAD_REQUEST
        && message.contains("Cannot convert value")) {
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "ชนิดข้อมูลของตัวแปรไม่ถูกต้อง");
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      String text = cause.getMessage() == null ? "" : cause.getMessage();
      // A task, instance, definition or form that does not exist (or has ended): the caller's mistake.
      if ((cause instanceof NullValueException || cause instanceof BadUserRequestException || cause instanceof RestException)
          && (text.contains("Cannot find") || text.contains("not found") || text.contains("doesn't exist")
              || text.contains("does not exist") || (cause instanceof NullValueException && text.contains("exist")))) {
        return answer(Response.Status.NOT_FOUND, "NotFoundException", NOT_FOUND + " (" + text + ")");
      }
      if (text.contains("serialization format is prohibited") || text.contains("ENGINE-17007")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "ไม่รับตัวแปรชนิด Object ที่เข้ารหัสแบบ Java "
            + "serialization ใช้ชนิด String, Boolean, Integer, Long, Double, Date หรือ Json แทน — ยังไม่ได้บันทึกข้อมูลใด ๆ");
      }
      if (text.contains("values cannot be used to query")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "ค่าที่ใช้ค้นหาไม่ถูกต้อง: ค้นหาด้วยค่าชนิด Object ไม่ได้ ใช้ข้อความ "
            + "ตัวเลข วันที่ หรือค่าจริง/เท็จ");
      }
      if (text.contains("Password does not match policy") || text.contains("password policy")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "รหัสผ่านไม่เป็นไปตามนโยบายรหัสผ่าน: ยาวอย่างน้อย "
            + "10 ตัวอักษร มีตัวพิมพ์ใหญ่ ตัวพิมพ์เล็ก ตัวเลขและอักขระพิเศษ และไม่มีรหัสผู้ใช้อยู่ในรหัสผ่าน — ยังไม่ได้บันทึก");
      }
      if (text.contains("has an invalid id")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "รหัสไม่ถูกต้อง ใช้ได้เฉพาะตัวอักษรอังกฤษและ"
            + "ตัวเลข เช่น somchaiOp — ยังไม่ได้บันทึก");
      }
      if (text.contains("part of a running process")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "งานที่เป็นขั้นตอนของกระบวนงานลบไม่ได้ "
            + "ให้ดำเนินการให้เสร็จตามขั้นตอนแทน");
      }
      if (cause instanceof OptimisticLockingException) {
        return answer(Response.Status.CONFLICT, "OptimisticLockingException", "รายการนี้เพิ่งถูกเปลี่ยนแปลงพร้อมกัน "
            + "โปรดโหลดหน้าใหม่แล้วดำเนินการอีกครั้ง ยังไม่ได้บันทึกการดำเนินการนี้");
      }
      if (cause instanceof AuthorizationException) {
        return answer(Response.Status.FORBIDDEN, "AuthorizationException", "ไม่มีสิทธิ์ดำเนินการนี้");
      }
      if (cause instanceof JsonProcessingException) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", UNREADABLE + " (" + text + ")");
      }
    }
    if (exception instanceof RestException rest) {
      if (rest.getStatus() == Response.Status.NOT_FOUND) {
        return answer(Response.Status.NOT_FOUND, "NotFoundException", NOT_FOUND + " (" + message + ")");
      }
      if (rest.getStatus() == Response.Status.BAD_REQUEST) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_REQUEST + " (" + message + ")");
      }
      if (rest.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && rest.getCause() instanceof BadUserRequestException bad) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_REQUEST + " (" + bad.getMessage() + ")");
      }
    }
    if (exception instanceof BadUserRequestException) {
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", BAD_REQUEST + " (" + message + ")");
    }
    return null;
  }

  /**
   * The type of the answer to a {@link Refusal}: the one Camunda's own form validation uses, so that Tasklist shows
   * the message under the form as it shows a refused field.
   */
  static final String REFUSED = "FormValidationException";
  static final String NOT_FOUND = "ไม่พบรายการที่ระบุ หรือรายการนั้นสิ้นสุดไปแล้ว";
  static final String BAD_REQUEST = "คำขอไม่ถูกต้อง";
  static final String UNREADABLE = "ข้อมูลที่ส่งมาไม่ถูกต้อง ตรวจสอบรูปแบบ JSON และชนิดของค่า";

  private static Response answer(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Provider
  @Priority(1)
  public static class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  @Provider
  @Priority(1)
  public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonMappingExceptions implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return answer(exception);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonParseExceptions implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return answer(exception);
    }
  }

  @Provider
  @Priority(1)
  public static class AnyException implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return answer(exception);
    }
  }

  /**
   * Two task requests that Camunda answers without looking whether the task is there for the caller:
   * {@code DELETE /task/{id}} answers an unknown id 204, a task of another bureau 403 or, when it belongs to a
   * process, 500 "part of a running process" — each telling an outsider whether the task exists; and
   * {@code GET /task/{id}/deployed-form} fails with a NullPointerException (500) on an unknown id. Here a task the
   * caller cannot see is answered exactly as an unknown one: 404. (A visible process task still cannot be deleted:
   * 400, through the mapping above.)
   */
  @Provider
  public static class UnknownTask implements ContainerRequestFilter {

    private static final Pattern DELETE = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/?$");
    private static final Pattern DEPLOYED_FORM = Pattern.compile("^/?(?:engine/[^/]+/)?task/([^/]+)/deployed-form/?$");

    @Override
    public void filter(ContainerRequestContext request) {
      String path = request.getUriInfo().getPath();
      Matcher task = "DELETE".equals(request.getMethod()) ? DELETE.matcher(path)
          : "GET".equals(request.getMethod()) ? DEPLOYED_FORM.matcher(path) : null;
      ProcessEngine engine = task != null && task.matches() ? EngineUtil.lookupProcessEngine(null) : null;
      if (engine != null && engine.getTaskService().createTaskQuery().taskId(task.group(1)).count() == 0) {
        request.abortWith(answer(Response.Status.NOT_FOUND, "NotFoundException", NOT_FOUND + " (task " + task.group(1)
            + " not found)"));
      }
    }
  }
}
