package dk.hotline.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The three packaged services against the test stack, in fresh databases of a test's own, with the telephony
 * adapter's AMI client fed by an {@link AmiPeer} (events recorded from a real Asterisk), and core reaching the adapter through a
 * {@link TelephonyFront} that plays its transfer API: what the browser tests of the
 * screens run against. Closing stops the services and the peer.
 */
final class ServicesWithAmiPeer implements AutoCloseable {

    private final AmiPeer asterisk;
    private final TelephonyFront front;
    private final Map<String, Map<String, String>> env;
    private final Path logs;
    private final ServiceProcess routing;
    private final ServiceProcess telephony;
    private ServiceProcess core;

    private ServicesWithAmiPeer(String coreDatabase, String routingDatabase, Path logs) {
        Databases.fresh(coreDatabase, routingDatabase);
        this.logs = logs;
        this.env = ServiceEnvironment.of(Repo.ROOT, coreDatabase, routingDatabase);
        Map<String, String> adapter = env.get("telephony-adapter");
        this.asterisk = new AmiPeer(adapter.getOrDefault("HOTLINE_AMI_USERNAME", "hotline"), adapter.get("HOTLINE_AMI_SECRET"));
        adapter.put("HOTLINE_AMI_HOST", "127.0.0.1");
        adapter.put("HOTLINE_AMI_PORT", Integer.toString(asterisk.port()));
        // Core reaches the adapter through a front that plays its transfer API (the AMI peer has no transfer to play).
        this.front = new TelephonyFront(env.get("hotline-core").get("HOTLINE_TELEPHONY_URL"));
        env.get("hotline-core").put("HOTLINE_TELEPHONY_URL", front.url());
        // All three at once: each waits for what it needs by itself (the adapter retries core's schedule).
        this.core = ServiceProcess.start(Repo.ROOT, "hotline-core", env.get("hotline-core"), logs);
        this.routing = ServiceProcess.start(Repo.ROOT, "routing", env.get("routing"), logs);
        this.telephony = ServiceProcess.start(Repo.ROOT, "telephony-adapter", adapter, logs);
    }

    /** Starts all three and waits until they are ready and the adapter has logged in to the AMI peer. */
    static ServicesWithAmiPeer start(String coreDatabase, String routingDatabase, Path logs) {
        ServicesWithAmiPeer services = new ServicesWithAmiPeer(coreDatabase, routingDatabase, logs);
        services.core.awaitReady();
        services.routing.awaitReady();
        services.telephony.awaitReady();
        await("the adapter logged in to the AMI peer").atMost(Duration.ofMinutes(1)).until(services.asterisk::adapterLoggedIn);
        return services;
    }

    AmiPeer asterisk() {
        return asterisk;
    }

    TelephonyFront telephonyFront() {
        return front;
    }

    ServiceProcess core() {
        return core;
    }

    ServiceProcess routing() {
        return routing;
    }

    /** Starts core again with the same settings (after a test stopped it), and waits until it is ready. */
    ServiceProcess restartCore() {
        core = ServiceProcess.start(Repo.ROOT, "hotline-core", env.get("hotline-core"), logs);
        core.awaitReady();
        return core;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {telephony, routing, core, asterisk, front}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }
}
