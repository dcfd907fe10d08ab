package th.go.senate.workflow.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
@Configuration
public class EngineRestFormErrors {

  /** Registered on the engine REST API's Jersey configuration (Camunda's starter builds it as a Spring Boot Jersey app). */
  @Bean
  public ResourceConfigCustomizer formValidationErrorsOnEngineRest() {
    return config -> config.register(Mapper.class);
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
