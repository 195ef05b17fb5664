package dk.hotline.telephony.routing.agi;


import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.routing.domain.Router;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jboss.logging.Logger;

/** Starts the FastAGI server with the application and stops it with it. */
@ApplicationScoped
public class FastAgiServer {

    private static final Logger LOG = Logger.getLogger(FastAgiServer.class);

    private final HotlineConfig config;
    private final Router router;
    private BoundedAgiServer server;
    private Thread acceptThread;

    private final CallbackRequestScript.Recorder callbacks;

    public FastAgiServer(HotlineConfig config, Router router, CallbackRequestScript.Recorder callbacks) {
        this.callbacks = callbacks;
        this.config = config;
        this.router = router;
    }

    void onStart(@Observes StartupEvent event) throws UnknownHostException {
        HotlineConfig.Agi agi = config.agi();
        IncomingCallScript incoming = new IncomingCallScript(router, config.numbers(), config.timeZone(),
                config.callback().offerAfter());
        CallbackRequestScript callback = new CallbackRequestScript(callbacks);
        // agi://host/callback: the caller pressed 1; any other path (incoming): where does this call go?
        server = new BoundedAgiServer((request, channel) -> "callback".equals(request.getScript()) ? callback : incoming,
                agi.poolSize(), agi.queueCapacity());
        server.setPort(agi.port());
        server.setAddress(InetAddress.getByName(agi.bindAddress()));
        server.setSocketReadTimeout((int) agi.readTimeout().toMillis());
        // startup() runs the accept loop and blocks: it gets its own thread.
        acceptThread = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException | IllegalStateException e) {
                LOG.errorf(e, "FastAGI server stopped");
            }
        }, "fastagi-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
        LOG.infof("FastAGI listening on %s:%d", agi.bindAddress(), agi.port());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.shutdown();
        }
    }
}
