package th.go.senate.workflow.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import th.go.senate.workflow.form.FormValidator;

/**
 * Engine REST answers a refused form (server-side validation, {@link FormValidator}) with HTTP 400 and the
 * Thai message alone. Camunda's resources wrap every engine exception of a start or a completion in a
 * {@link RestException} with status 500 and an English prefix ("Cannot instantiate process definition …:");
 * this mapper takes the same exception type with a higher priority than Camunda's {@link RestExceptionHandler}
 * (JAX-RS picks the nearest type, then the highest priority), answers validation failures itself, and hands
 * every other exception to Camunda's handler unchanged — except two more of the caller's mistakes that Camunda
 * answers in English only or as a server error: a variable of the wrong type (400, Thai first) and a task that
 * does not exist (404 instead of 500).
 */
public final class EngineRestFormErrors {

  private EngineRestFormErrors() {
  }

  /**
   * Registers the mapper in every Jersey application of the platform: Engine REST (a Spring Boot Jersey app) and
   * the webapps' own engine API under /camunda/api/engine, through which Tasklist starts processes and submits
   * forms (Camunda's starter builds that one from its own Application class, closed to configuration). Jersey
   * finds this class through META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable.
   */
  public static class Registration implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
          && !context.getConfiguration().isRegistered(Mapper.class)) {
        context.register(Mapper.class);
      }
    }
  }

  @Provider
  @Priority(1)
  public static class Mapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof NotValidException invalid && FormValidator.isFormValidationMessage(invalid.getMessage())) {
          ExceptionDto dto = new ExceptionDto();
          dto.setType("FormValidationException");
          dto.setMessage(invalid.getMessage());
          return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
      }
      String message = exception.getMessage() == null ? "" : exception.getMessage();
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        // A task, instance or definition that does not exist: the caller's mistake, not the server's.
        if (cause instanceof NullValueException && cause.getMessage() != null
            && cause.getMessage().contains("Cannot find")) {
          return answer(Response.Status.NOT_FOUND, "NotFoundException",
              "ไม่พบรายการที่ระบุ (" + cause.getMessage() + ")");
        }
      }
      if (exception.getStatus() == Response.Status.BAD_REQUEST && message.contains("Cannot convert value")) {
        return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "ชนิดข้อมูลของตัวแปรไม่ถูกต้อง ("
            + message.substring(message.indexOf("Cannot convert value")) + ")");
      }
      return camunda.toResponse(exception);
    }

    private static Response answer(Response.Status status, String type, String message) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType(type);
      dto.setMessage(message);
      return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
