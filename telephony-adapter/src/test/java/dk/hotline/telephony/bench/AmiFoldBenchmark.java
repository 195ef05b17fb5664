package dk.hotline.telephony.bench;

import dk.hotline.telephony.ami.AmiEventMapper;
import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.call.domain.CallerHasher;
import dk.hotline.telephony.testsupport.FakeAsterisk;
import dk.hotline.telephony.testsupport.Transcript;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;

/**
 * Benchmark (not a test): floods AMI events from {@link FakeAsterisk} over loopback TCP into Asterisk-Java's
 * ManagerConnection and folds them, with the adapter's own mapper, into the call state machine (Kafka publishing
 * left out: it is asynchronous and measured by the broker, not here). Reports AMI events/s and the heap after.
 */
public final class AmiFoldBenchmark {

    private AmiFoldBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Transcript.Block> t1 = Transcript.load("T1-answered-caller-hangup.txt").unsolicitedEvents(1);
        try (FakeAsterisk asterisk = new FakeAsterisk("hotline", "bench-secret")) {
            CallTracker tracker = new CallTracker(Clock.systemUTC(), new CallerHasher("bench-caller-hash-secret"));
            AtomicLong events = new AtomicLong();
            AtomicLong lifecycle = new AtomicLong();
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", asterisk.amiPort(), "hotline",
                    "bench-secret").createManagerConnection();
            AmiEventMapper.EVENT_CLASSES.forEach(c::registerUserEventClass);
            c.addEventListener(e -> {
                AmiEventMapper.toSignal(e).ifPresent(s -> lifecycle.addAndGet(tracker.apply(s).size()));
                events.incrementAndGet();
            });
            c.login();
            System.out.printf("# AMI fold: %d calls x %d events per round, cores=%d, java=%s%n", calls, t1.size(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("| round | AMI events sent | typed events dispatched | seconds | events/s | life-cycle events | calls in progress after | heap used MB |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (int round = 1; round <= rounds; round++) {
                List<String> blocks = new ArrayList<>(calls * t1.size());
                for (int i = 0; i < calls; i++) {
                    String id = (1_800_000_000L + round * 1_000_000L + i) + "." + i;
                    for (Transcript.Block b : t1) {
                        blocks.add(b.text().replace("1795323805.0", id).replace("1795323806.1", id + "1"));
                    }
                }
                // Every call of T1 yields OFFERED, QUEUED, CONNECTED, ENDED: the round is folded when all are out.
                long expected = lifecycle.get() + 4L * calls;
                long t0 = System.nanoTime();
                asterisk.send(blocks);
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (lifecycle.get() < expected && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                if (lifecycle.get() < expected) {
                    System.out.printf("# round %d: %d life-cycle events missing after 120 s (events dropped by"
                            + " Asterisk-Java's full event queue)%n", round, expected - lifecycle.get());
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.gc();
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                System.out.printf("| %d | %d | %d | %.2f | %.0f | %d | %d | %d |%n", round, blocks.size(), events.get(),
                        seconds, blocks.size() / seconds, lifecycle.get(), tracker.callsInProgress(), heap);
            }
            c.logoff();
        }
        System.exit(0);
    }
}
