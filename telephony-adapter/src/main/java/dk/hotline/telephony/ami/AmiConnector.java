package dk.hotline.telephony.ami;

import dk.hotline.telephony.call.domain.CallSignal;
import dk.hotline.telephony.call.domain.CallTracker;
import dk.hotline.telephony.call.publish.CallEventPublisher;
import dk.hotline.telephony.config.HotlineConfig;
import dk.hotline.telephony.presence.domain.AdvisorPresence;
import dk.hotline.telephony.presence.domain.KeptPresence;
import dk.hotline.telephony.presence.domain.QueueCommand;
import dk.hotline.telephony.presence.domain.QueueCommandSender;
import dk.hotline.telephony.callback.domain.CallbackCall;
import dk.hotline.telephony.callback.domain.CallbackDesk;
import dk.hotline.telephony.callback.domain.CallbackDialer;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.transfer.domain.TransferSender;
import dk.hotline.telephony.transfer.domain.TransferTarget;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.jboss.logging.Logger;

/**
 * Follows calls and queue presence over AMI.
 *
 * <p>Threads (Asterisk-Java is blocking): Asterisk-Java reads each AMI connection on its own reader thread and
 * calls our listener from its single event-pump thread, in order. The listener does only in-memory work (state
 * machine, presence) and hands events to the non-blocking Kafka emitter. Everything that blocks — login, the resync actions, logoff — runs on one
 * supervisor thread here, never on the reader thread (an action awaited on the reader thread would wait forever
 * for the response that thread should read).
 *
 * <p>Reconnects: we own them. When a connection drops we discard it (logoff stops Asterisk-Java's own retry loop)
 * and try a new one with exponential backoff (initial → max). After each successful login we resynchronise:
 * {@code CoreShowChannels} closes calls that ended while we were away, {@code QueueStatus} rebuilds presence.
 */
@ApplicationScoped
public class AmiConnector implements QueueCommandSender, CallbackDialer, TransferSender {

    private static final Logger LOG = Logger.getLogger(AmiConnector.class);
    private static final Duration KEPT_PRESENCE_RETRY = Duration.ofSeconds(10);
    /** The dialplan context of blind transfers (deploy/asterisk/extensions.conf). */
    static final String TRANSFER_CONTEXT = "hotline-transfer";

    private final HotlineConfig.Ami config;
    private final CallTracker tracker;
    private final QueuePresence presence;
    private final AdvisorPresence advisors;
    private final KeptPresence kept;
    private final CallEventPublisher publisher;
    private final CallbackDesk callbacks;
    private final Clock clock;
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ami-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong eventsFolded = new AtomicLong();
    private volatile ManagerConnection connection;
    private volatile boolean connected;
    /** A re-read of core's kept presence is scheduled (only the supervisor thread touches it). */
    private boolean keptPresenceRetrying;
    private volatile boolean stopping;
    private Duration backoff;

    public AmiConnector(HotlineConfig config, CallTracker tracker, QueuePresence presence, AdvisorPresence advisors,
                        KeptPresence kept, CallEventPublisher publisher, CallbackDesk callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.config = config.ami();
        this.tracker = tracker;
        this.presence = presence;
        this.advisors = advisors;
        this.kept = kept;
        this.publisher = publisher;
        this.clock = clock;
        this.backoff = this.config.reconnectInitialBackoff();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            supervisor.execute(this::connect);
            long tick = config.wrapUpCheck().toMillis();
            supervisor.scheduleWithFixedDelay(() -> sendQueueCommands(advisors.wrapUpsDue()), tick, tick,
                    TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        supervisor.shutdownNow();
        ManagerConnection c = connection;
        if (c != null && c.getState() == ManagerConnectionState.CONNECTED) {
            try {
                c.logoff();
            } catch (RuntimeException e) {
                LOG.debug("logoff at shutdown failed", e);
            }
        }
    }

    public boolean isConnected() {
        return connected;
    }

    public long eventsFolded() {
        return eventsFolded.get();
    }

    /**
     * Sends queue membership commands on the supervisor thread (they block for Asterisk's answers). Completes with
     * false when AMI is down or Asterisk refused one: the wanted state is kept all the same and re-asserted after the
     * next login.
     */
    @Override
    public CompletionStage<Boolean> queueCommands(List<QueueCommand> commands) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        supervisor.execute(() -> done.complete(sendQueueCommands(commands)));
        return done;
    }

    /**
     * Sends a callback's Originate on the supervisor thread. True when Asterisk queued it; false when it refused or AMI
     * is down; fails when no answer came (then nobody knows whether the advisor rings: the callback is not retried).
     */
    @Override
    public CompletionStage<Boolean> originate(CallbackCall call) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        supervisor.execute(() -> {
            ManagerConnection c = connection;
            if (c == null || !connected) {
                done.complete(false);
                return;
            }
            try {
                ManagerResponse r = c.sendAction(AmiCallbacks.originate(call, config.callbackRing()),
                        config.actionTimeout().toMillis());
                boolean accepted = r != null && "Success".equalsIgnoreCase(r.getResponse());
                if (!accepted) {
                    LOG.warnf("AMI Originate of callback %s refused: %s", call.callbackId(),
                            r == null ? "no response" : r.getMessage());
                }
                done.complete(accepted);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Override
    public boolean linkUp() {
        return connected;
    }

    /**
     * Sends {@code BlindTransfer} of the advisor's channel into [hotline-transfer] on the supervisor thread (it blocks
     * for Asterisk's answer). Logs the channel and the extension only (an endpoint or a site, never a person).
     */
    @Override
    public CompletionStage<Outcome> blindTransfer(String advisorChannel, TransferTarget target) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        supervisor.execute(() -> {
            ManagerConnection c = connection;
            if (c == null || !connected) {
                done.complete(Outcome.UNAVAILABLE);
                return;
            }
            try {
                ManagerResponse r = c.sendAction(new BlindTransferAction(advisorChannel, TRANSFER_CONTEXT,
                        target.exten()), config.actionTimeout().toMillis());
                if (r != null && "Success".equalsIgnoreCase(r.getResponse())) {
                    LOG.infof("AMI BlindTransfer of %s to %s accepted", advisorChannel, target.exten());
                    done.complete(Outcome.ACCEPTED);
                } else {
                    LOG.warnf("AMI BlindTransfer of %s to %s refused: %s", advisorChannel, target.exten(),
                            r == null ? "no response" : r.getMessage());
                    done.complete(r == null ? Outcome.UNAVAILABLE : Outcome.REFUSED);
                }
            } catch (Exception e) {
                LOG.warnf("AMI BlindTransfer of %s to %s failed: %s", advisorChannel, target.exten(), e.getMessage());
                done.complete(Outcome.UNAVAILABLE);
            }
        });
        return done;
    }

    private boolean sendQueueCommands(List<QueueCommand> commands) {
        ManagerConnection c = connection;
        if (commands.isEmpty()) {
            return true;
        }
        if (c == null || !connected) {
            return false;
        }
        return AmiQueueCommands.send(c, commands, config.actionTimeout().toMillis());
    }

    private void connect() {
        if (stopping) {
            return;
        }
        ManagerConnection c = new ManagerConnectionFactory(config.host(), config.port(), config.username(),
                config.secret()).createManagerConnection();
        for (var eventClass : AmiEventMapper.EVENT_CLASSES) {
            c.registerUserEventClass(eventClass);
        }
        c.addEventListener(event -> onEvent(c, event));
        try {
            c.login();
        } catch (Exception e) {
            LOG.warnf("AMI connection to %s:%d failed (%s); retrying in %s", config.host(), config.port(),
                    e.getMessage(), backoff);
            discard(c);
            scheduleReconnect();
            return;
        }
        connection = c;
        connected = true;
        backoff = config.reconnectInitialBackoff();
        LOG.infof("AMI connected to %s:%d", config.host(), config.port());
        resyncOrRetry(c, config.reconnectInitialBackoff());
    }

    /**
     * Following live events matters more than the snapshot, so a failed resync keeps the connection and is tried
     * again on it (backoff doubling to the reconnect maximum) until it succeeds or the link goes. Without QueueStatus
     * presence stays unknown (no overflow) and the advisors' members are not re-asserted; without CoreShowChannels no
     * call is closed as ended during the outage. Seen on the real Asterisk: a login while it was still booting got
     * "QueueStatus: Invalid/unknown command" (app_queue not loaded yet); also a missing manager.conf write class.
     */
    private void resyncOrRetry(ManagerConnection c, Duration retryIn) {
        if (stopping || connection != c || !connected) {
            return; // a new login resyncs by itself
        }
        try {
            resync(c);
        } catch (Exception e) {
            LOG.errorf("AMI resync failed (%s); following live events, trying it again in %s", e.getMessage(), retryIn);
            Duration doubled = retryIn.multipliedBy(2);
            Duration next = doubled.compareTo(config.reconnectMaxBackoff()) > 0 ? config.reconnectMaxBackoff() : doubled;
            supervisor.schedule(() -> resyncOrRetry(c, next), retryIn.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleReconnect() {
        if (stopping) {
            return;
        }
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.reconnectMaxBackoff()) > 0 ? config.reconnectMaxBackoff() : doubled;
        supervisor.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs on the supervisor thread: the actions block until their event lists complete. */
    private void resync(ManagerConnection c) throws Exception {
        tracker.apply(new CallSignal.ResyncStarted());
        ResponseEvents channels = c.sendEventGeneratingAction(new CoreShowChannelsAction(),
                config.actionTimeout().toMillis());
        failIfError(channels.getResponse(), "CoreShowChannels");
        for (ManagerEvent e : channels.getEvents()) {
            if (e instanceof CoreShowChannelEvent ch) {
                tracker.apply(AmiEventMapper.toSnapshot(ch));
            }
        }
        publisher.publish(tracker.apply(new CallSignal.ResyncCompleted()));

        presence.snapshotStarted();
        ResponseEvents queues = c.sendEventGeneratingAction(new QueueStatusAction(), config.actionTimeout().toMillis());
        failIfError(queues.getResponse(), "QueueStatus");
        for (ManagerEvent e : queues.getEvents()) {
            if (e instanceof QueueMemberEvent m) {
                presence.memberUpdated(member(m));
            } else if (e instanceof QueueEntryEvent q) {
                long wait = q.getWait() == null ? 0 : q.getWait();
                presence.callerJoined(q.getQueue(), q.getUniqueId(), clock.instant().minusSeconds(wait));
            }
        }
        presence.snapshotCompleted();
        // Asterisk may have lost what advisors asked for (restarted without its AstDB, a member removed by hand):
        // say it again. What core keeps fills in what this adapter does not know (it restarted); members of ours
        // nobody asked for are adopted as they are until core can be read.
        if (!restoreKeptPresence() && !keptPresenceRetrying) {
            keptPresenceRetrying = true;
            supervisor.schedule(this::retryKeptPresence, KEPT_PRESENCE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<QueueCommand> reassert = advisors.reconcile(presence::members);
        if (!reassert.isEmpty()) {
            LOG.infof("AMI re-asserting %d queue membership changes", reassert.size());
            AmiQueueCommands.send(c, reassert, config.actionTimeout().toMillis());
        }
        LOG.infof("AMI resynchronised: %d calls in progress", tracker.callsInProgress());
    }

    /** Takes what core keeps of the advisors' wishes; false when core could not be read. */
    private boolean restoreKeptPresence() {
        return kept.read().map(list -> {
            advisors.restore(list);
            return true;
        }).orElse(false);
    }

    /** Core was unreachable at login: read it again until it answers, then re-assert. On the supervisor thread. */
    private void retryKeptPresence() {
        if (stopping) {
            return;
        }
        if (!restoreKeptPresence()) {
            supervisor.schedule(this::retryKeptPresence, KEPT_PRESENCE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        keptPresenceRetrying = false;
        if (connected) {
            sendQueueCommands(advisors.reconcile(presence::members));
        }
    }

    private static void failIfError(ManagerResponse response, String action) {
        if (response == null || "Error".equalsIgnoreCase(response.getResponse())) {
            throw new IllegalStateException(action + " failed: "
                    + (response == null ? "no response" : response.getMessage()));
        }
    }

    /** On Asterisk-Java's event pump: in-memory work only, and nothing may escape (one bad event, not the stream). */
    private void onEvent(ManagerConnection source, ManagerEvent event) {
        try {
            fold(source, event);
        } catch (RuntimeException e) {
            LOG.warnf("AMI event %s skipped: %s", event.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void fold(ManagerConnection source, ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            if (source == connection && connected) {
                connected = false;
                presence.connectionLost();
                supervisor.execute(() -> {
                    discard(source);
                    // Said here, on the thread that owns the backoff, so the log names every wait: 0.5 s, 1 s, ...
                    LOG.warnf("AMI connection lost; retrying in %s", backoff);
                    scheduleReconnect();
                });
            }
            return;
        }
        eventsFolded.incrementAndGet();
        foldPresence(event);
        AmiCallbacks.toSignal(event).ifPresent(callbacks::signal);
        AmiEventMapper.toSignal(event).ifPresent(signal -> publisher.publish(tracker.apply(signal)));
    }

    private void foldPresence(ManagerEvent event) {
        if (event instanceof QueueMemberStatusEvent m) {
            presence.memberUpdated(member(m));
        } else if (event instanceof QueueMemberAddedEvent m) {
            presence.memberUpdated(new QueuePresence.Member(m.getQueue(), m.getInterface(), m.getMemberName(),
                    m.getStatus() == null ? 0 : m.getStatus(), Boolean.TRUE.equals(m.getPaused()),
                    m.getPausedReason()));
        } else if (event instanceof QueueMemberRemovedEvent m) {
            presence.memberRemoved(m.getQueue(), m.getInterface());
        } else if (event instanceof QueueMemberPauseEvent m) {
            presence.memberPaused(m.getQueue(), m.getInterface(), Boolean.TRUE.equals(m.getPaused()),
                    m.getPausedreason());
        } else if (event instanceof AgentCompleteEvent a) {
            List<QueueCommand> wrapUp = advisors.callCompleted(a.getInterface());
            if (!wrapUp.isEmpty()) {
                supervisor.execute(() -> sendQueueCommands(wrapUp));
            }
        } else if (event instanceof QueueCallerJoinEvent q) {
            presence.callerJoined(q.getQueue(), q.getUniqueId(), clock.instant());
        } else if (event instanceof QueueCallerLeaveEvent q) {
            presence.callerLeft(q.getQueue(), q.getUniqueId());
        } else if (event instanceof org.asteriskjava.manager.event.QueueCallerAbandonEvent q) {
            presence.callerLeft(q.getQueue(), q.getUniqueId());
        }
    }

    private static QueuePresence.Member member(QueueMemberEvent m) {
        String iface = m.getInterface() != null ? m.getInterface() : m.getLocation();
        String name = m.getMemberName() != null ? m.getMemberName() : m.getName();
        return new QueuePresence.Member(m.getQueue(), iface, name, m.getStatus() == null ? 0 : m.getStatus(),
                Boolean.TRUE.equals(m.getPaused()), m.getPausedreason());
    }

    private void discard(ManagerConnection c) {
        if (c == connection) {
            connection = null;
        }
        try {
            ManagerConnectionState state = c.getState();
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                c.logoff();
            }
        } catch (RuntimeException e) {
            LOG.debug("discarding AMI connection", e);
        }
    }
}
