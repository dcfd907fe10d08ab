package th.go.senate.workflow.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The one way the platform acts as itself rather than as the logged-in user: a count across every bureau's
 * cases for a rule, the re-planning after a calendar change, a notice's identity look-ups, the protected
 * complaint channel. The caller's rights were checked before (by the controller or the model); the work done
 * here is the platform's, so Camunda's authorizations do not filter it.
 *
 * <p>It takes the caller's authentication off the thread for the duration and puts it back afterwards. Camunda
 * reads the current authentication from the {@link IdentityService} at every check, so this works the same
 * inside a command (a delegate, a listener, a custom command) and outside one (a controller or an event listener
 * making several API calls, each its own command joined to the Spring transaction). Camunda's
 * {@code CommandContext.runWithoutAuthorization} needs a command context: outside one it would have to wrap the
 * whole sequence in a single command (via {@code getCommandExecutorTxRequired}), which changes when Camunda
 * flushes (a query in the same command does not see rows inserted earlier in it), so it is not used. Work done
 * as the platform is, as with a timer, attributed to nobody in Camunda's user operation log.
 */
@Component
public class SystemAuthority {

  private final IdentityService identityService;

  public SystemAuthority(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Runs {@code work} as the platform and returns its result; the caller's authentication is restored after. */
  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** Runs {@code work} as the platform; the caller's authentication is restored after. */
  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
