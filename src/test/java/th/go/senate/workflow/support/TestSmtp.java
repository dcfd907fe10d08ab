package th.go.senate.workflow.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The real SMTP server of the notice tests (GreenMail), on the address that application-test.yaml gives the
 * application (127.0.0.1:29251). Started by the tests that read mail, stopped to simulate an outage.
 * {@code -Dsenate.test.smtp-port=N} moves it (and the application's address) so that several suites can run
 * side by side on one machine.
 */
public final class TestSmtp {

  /** Below the kernel's ephemeral range (32768-60999), so no outgoing connection of the suite can hold it. */
  public static final int PORT = Integer.getInteger("senate.test.smtp-port", 29251);
  private static GreenMail server;

  private TestSmtp() {
  }

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Forgets the messages received so far. */
  public static synchronized void clear() throws Exception {
    start();
    server.purgeEmailFromAllMailboxes();
  }

  public static synchronized List<MimeMessage> received() {
    return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
  }

  /** The messages received for one address. */
  public static List<MimeMessage> receivedBy(String address) {
    return received().stream().filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The body of a received text message. */
  public static String body(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
