package dk.hotline.routing.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server on loopback (GreenMail, from greenmail-standalone) that routing's mailer sends to: the
 * organisations' functional mailboxes as the notification tests see them.
 */
public class FunctionalMailbox implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    public static GreenMail server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "routing.mail.public-url", "https://indbakke.hotline.example");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
