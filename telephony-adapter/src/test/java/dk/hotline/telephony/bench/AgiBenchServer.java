package dk.hotline.telephony.bench;

import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.routing.agi.BoundedAgiServer;
import dk.hotline.telephony.routing.agi.IncomingCallScript;
import dk.hotline.telephony.routing.domain.LinePolicy;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.routing.domain.Router;
import dk.hotline.telephony.routing.domain.Schedule;
import dk.hotline.telephony.routing.domain.ScheduleReplica;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The server side of {@link AgiOpenLoopBenchmark}, in a JVM of its own so that the load generator does not share
 * its heap, its GC pauses or its threads. Two listeners on loopback:
 *
 * <ul>
 *   <li>the adapter's FastAGI server ({@link BoundedAgiServer} with the real {@link IncomingCallScript}, pool and
 *   queue as in application.properties), deciding from an in-memory schedule and queue presence;</li>
 *   <li>the floor: a hand-written plain-socket FastAGI answer that reads the {@code agi_*} header, sends one
 *   {@code SET VARIABLE} with a fixed value, reads Asterisk's reply and hangs up. No framework, no decision: the
 *   least any FastAGI answer can cost on this machine.</li>
 * </ul>
 *
 * Prints {@code PORTS <adapter> <floor>} when both listen, and exits when its standard input closes.
 */
public final class AgiBenchServer {

    private AgiBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        BoundedAgiServer adapter = new BoundedAgiServer(script(), 256, 2048);
        int adapterPort = freePort();
        adapter.setPort(adapterPort);
        adapter.setAddress(InetAddress.getLoopbackAddress());
        adapter.setSocketReadTimeout(10_000);
        Thread accept = new Thread(() -> {
            try {
                adapter.startup();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "adapter-accept");
        accept.setDaemon(true);
        accept.start();

        ServerSocket floor = new ServerSocket();
        floor.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
        ExecutorService floorPool = Executors.newFixedThreadPool(256, r -> {
            Thread t = new Thread(r, "floor-worker");
            t.setDaemon(true);
            return t;
        });
        Thread floorAccept = new Thread(() -> {
            while (true) {
                try {
                    Socket s = floor.accept();
                    floorPool.execute(() -> floorExchange(s));
                } catch (IOException e) {
                    return;
                }
            }
        }, "floor-accept");
        floorAccept.setDaemon(true);
        floorAccept.start();

        awaitListening(adapterPort);
        System.out.println("PORTS " + adapterPort + " " + floor.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the benchmark closes our standard input
        }
        adapter.shutdown();
        floor.close();
    }

    private static void floorExchange(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // the agi_* header, up to its blank line
            }
            OutputStream out = socket.getOutputStream();
            out.write("SET VARIABLE HOTLINE_ROUTE \"1.0,AARHUS,hotline-aarhus,false,,,,,QUEUE\"\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readLine();
        } catch (IOException e) {
            // the generator counts what it did not get
        }
    }

    private static IncomingCallScript script() {
        Clock clock = Clock.systemUTC();
        ScheduleReplica replica = new ScheduleReplica(clock);
        Instant now = clock.instant();
        for (Line line : Line.values()) {
            Site site = line == Line.NATIONAL ? Site.AARHUS : Site.COPENHAGEN;
            replica.offer(new Schedule(line, 1, now, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                    List.of(new Segment(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), site, true,
                            "bench"))));
        }
        QueuePresence presence = new QueuePresence(clock);
        presence.snapshotStarted();
        presence.memberUpdated(new QueuePresence.Member("hotline-aarhus", "PJSIP/advisor-aarhus-1", "A", 1, false,
                null));
        presence.memberUpdated(new QueuePresence.Member("hotline-copenhagen", "PJSIP/advisor-cph-1", "C", 1, false,
                null));
        presence.snapshotCompleted();
        Router router = new Router(clock, replica, presence, Map.of(
                Line.NATIONAL, new LinePolicy(true, Duration.ofSeconds(120), Site.AARHUS),
                Line.COPENHAGEN_LOCAL, new LinePolicy(false, Duration.ofSeconds(120), Site.COPENHAGEN)));
        return new IncomingCallScript(router, Map.of("70102030", Line.NATIONAL, "33669900", Line.COPENHAGEN_LOCAL),
                ZoneId.of("Europe/Copenhagen"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("FastAGI server did not listen on " + port, notYet);
                }
                Thread.onSpinWait();
            }
        }
    }
}
