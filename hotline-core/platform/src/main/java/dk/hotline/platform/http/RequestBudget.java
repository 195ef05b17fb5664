package dk.hotline.platform.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at
 * {@code perSecond}. Keeps at most {@code maxClients} buckets (the least
 * recently used is dropped), so a flood of addresses cannot exhaust memory.
 */
public final class RequestBudget {

    private final double capacity;
    private final double perSecond;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, double[]> buckets;

    public RequestBudget(int capacity, double perSecond, int maxClients, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.maxClients = maxClients;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > RequestBudget.this.maxClients;
            }
        };
    }

    /** Takes one request from the client's budget; answers 0 when allowed, else the seconds to wait. */
    public synchronized long take(String client) {
        long nowMillis = clock.millis();
        double[] bucket = buckets.computeIfAbsent(client, c -> new double[]{capacity, nowMillis});
        double elapsed = (nowMillis - bucket[1]) / 1000.0;
        bucket[0] = Math.min(capacity, bucket[0] + elapsed * perSecond);
        bucket[1] = nowMillis;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket[0]) / perSecond);
    }
}
