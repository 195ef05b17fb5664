package dk.hotline.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The highest resident set size (VmRSS, kB) of a process, sampled every 200 ms while a stage runs. */
final class RssSampler {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong maxKb = new AtomicLong();
    private final Path status;

    private RssSampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    static RssSampler start(long pid) {
        RssSampler sampler = new RssSampler(pid);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 200, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** Stops sampling; answers the highest VmRSS seen, in kB. */
    long stop() {
        timer.shutdown();
        sample();
        return maxKb.get();
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    maxKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone; keep what was seen
        }
    }
}
