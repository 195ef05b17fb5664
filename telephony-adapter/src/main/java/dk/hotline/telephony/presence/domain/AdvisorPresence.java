package dk.hotline.telephony.presence.domain;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.routing.domain.QueuePresence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What each advisor asked to be in their site's queue (signed in, paused with a reason, signed out), and the AMI
 * commands that make Asterisk agree. The adapter is the one writer of dynamic queue members: it keeps the wanted
 * state here and, after every (re)connect, compares it with {@code QueueStatus} and re-asserts what Asterisk lost
 * (an Asterisk restart without its AstDB, a member removed by hand). A member Asterisk knows and we do not (an adapter
 * restarted while Asterisk kept its persistent members) is adopted as it is, never changed behind the advisor's back.
 *
 * <p>Follow-up work after a call (efterbehandling) is our own pause with reason {@link PauseReason#WRAP_UP}, not
 * Asterisk's {@code wrapuptime}: Asterisk's wrap-up is invisible in {@code QueueMember}/{@code QueueMemberStatus}
 * (the member reads as free), so the board and the overflow rule would count a member in wrap-up as available. A pause
 * shows on the board with its reason, survives a reconnect like any other pause, and the advisor can end it early.
 */
public final class AdvisorPresence {

    /** A PJSIP endpoint name as our advisors' phones are named: never a person's name. */
    private static final Pattern ENDPOINT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final String TECHNOLOGY = "PJSIP/";

    /** One advisor's wanted state; {@code wrapUpUntil} only for a wrap-up pause that ends by itself. */
    public record Wanted(String endpoint, Site site, PresenceState state, PauseReason reason, Instant wrapUpUntil) {

        public String memberInterface() {
            return AdvisorPresence.memberInterface(endpoint);
        }
    }

    private final Clock clock;
    private final Duration wrapUp;
    private final Map<String, Wanted> wanted = new LinkedHashMap<>();
    /** Endpoints whose wish was only adopted from Asterisk: what core kept outranks it. */
    private final java.util.Set<String> adopted = new java.util.HashSet<>();

    /** @param wrapUp how long the automatic follow-up pause after each call lasts; zero for none */
    public AdvisorPresence(Clock clock, Duration wrapUp) {
        this.clock = clock;
        this.wrapUp = wrapUp;
    }

    /** The queue member interface of an endpoint ({@code PJSIP/x}). */
    public static String memberInterface(String endpoint) {
        return TECHNOLOGY + endpoint;
    }

    public static boolean validEndpoint(String endpoint) {
        return endpoint != null && ENDPOINT.matcher(endpoint).matches();
    }

    /** The endpoint of a member interface we manage ({@code PJSIP/x}); empty for any other interface. */
    public static Optional<String> endpointOf(String memberInterface) {
        if (memberInterface == null || !memberInterface.startsWith(TECHNOLOGY)) {
            return Optional.empty();
        }
        String endpoint = memberInterface.substring(TECHNOLOGY.length());
        return validEndpoint(endpoint) ? Optional.of(endpoint) : Optional.empty();
    }

    /**
     * The advisor asks to be in {@code state}; answers the commands that take Asterisk there from what it holds now
     * ({@code actual}, the members of the site's queue).
     */
    public synchronized List<QueueCommand> change(String endpoint, Site site, PresenceState state, PauseReason reason,
                                                  List<QueuePresence.Member> actual) {
        if (!validEndpoint(endpoint)) {
            throw new IllegalArgumentException("endpoint");
        }
        if ((state == PresenceState.PAUSED) != (reason != null)) {
            throw new IllegalArgumentException("reason");
        }
        List<QueueCommand> commands = new ArrayList<>();
        Wanted before = wanted.get(endpoint);
        if (before != null && before.site() != site && before.state() != PresenceState.SIGNED_OUT) {
            // Moved to the other site's queue: leave the old one first.
            commands.add(new QueueCommand.Remove(before.site().queue(), before.memberInterface()));
        }
        Wanted w = new Wanted(endpoint, site, state, reason, null);
        wanted.put(endpoint, w);
        adopted.remove(endpoint);
        commands.addAll(toward(w, find(actual, w)));
        return commands;
    }

    /**
     * What core kept of each advisor's last change (core owns it and outlives this adapter): taken for every endpoint,
     * over a wish held here, except this adapter's own follow-up pause while it runs (core does not keep those). With
     * two adapters a change reaches only the one core called, so the other's wish may be stale: taking its own wish
     * over core's let the two re-assert opposite states after an AMI cut.
     */
    public synchronized void restore(List<Wanted> kept) {
        for (Wanted w : kept) {
            if (validEndpoint(w.endpoint()) && w.site() != null && w.state() != null
                    && (w.state() == PresenceState.PAUSED) == (w.reason() != null)
                    && !followUpPause(wanted.get(w.endpoint()))) {
                wanted.put(w.endpoint(), new Wanted(w.endpoint(), w.site(), w.state(), w.reason(), null));
                adopted.remove(w.endpoint());
            }
        }
    }

    private static boolean followUpPause(Wanted w) {
        return w != null && w.reason() == PauseReason.WRAP_UP && w.wrapUpUntil() != null;
    }

    /**
     * After a queue snapshot ({@code QueueStatus}): the commands that re-assert every wanted state Asterisk does not
     * hold, and adoption of the members of ours we had no wish for. {@code membersOf} gives a queue's members.
     */
    public synchronized List<QueueCommand> reconcile(Function<String, List<QueuePresence.Member>> membersOf) {
        List<QueueCommand> commands = new ArrayList<>();
        for (Site site : Site.values()) {
            for (QueuePresence.Member m : membersOf.apply(site.queue())) {
                endpointOf(m.memberInterface()).filter(e -> !wanted.containsKey(e)).ifPresent(e -> {
                    wanted.put(e, new Wanted(e, site, m.paused() ? PresenceState.PAUSED : PresenceState.AVAILABLE,
                            m.paused() ? PauseReason.ofCode(m.pausedReason()).orElse(PauseReason.BREAK) : null,
                            null));
                    adopted.add(e);
                });
            }
        }
        for (Wanted w : wanted.values()) {
            commands.addAll(toward(w, find(membersOf.apply(w.site().queue()), w)));
        }
        return commands;
    }

    /**
     * A call to this member ended (AMI {@code AgentComplete}): an available advisor goes into follow-up work for the
     * configured time. Someone paused, signed out or unknown to us is left alone.
     */
    public synchronized List<QueueCommand> callCompleted(String memberInterface) {
        Optional<String> endpoint = endpointOf(memberInterface);
        Wanted w = endpoint.map(wanted::get).orElse(null);
        if (w == null || w.state() != PresenceState.AVAILABLE || wrapUp.isZero()) {
            return List.of();
        }
        Wanted wrap = new Wanted(w.endpoint(), w.site(), PresenceState.PAUSED, PauseReason.WRAP_UP,
                clock.instant().plus(wrapUp));
        wanted.put(w.endpoint(), wrap);
        return List.of(new QueueCommand.Pause(w.site().queue(), w.memberInterface(), true, PauseReason.WRAP_UP.name()));
    }

    /** Ends every automatic follow-up pause whose time is up (an advisor who paused by hand stays paused). */
    public synchronized List<QueueCommand> wrapUpsDue() {
        Instant now = clock.instant();
        List<QueueCommand> commands = new ArrayList<>();
        for (Wanted w : List.copyOf(wanted.values())) {
            if (w.wrapUpUntil() != null && !now.isBefore(w.wrapUpUntil())) {
                wanted.put(w.endpoint(), new Wanted(w.endpoint(), w.site(), PresenceState.AVAILABLE, null, null));
                commands.add(new QueueCommand.Pause(w.site().queue(), w.memberInterface(), false, null));
            }
        }
        return commands;
    }

    public synchronized Optional<Wanted> wanted(String endpoint) {
        return Optional.ofNullable(wanted.get(endpoint));
    }

    private static QueuePresence.Member find(List<QueuePresence.Member> members, Wanted w) {
        return members.stream().filter(m -> w.memberInterface().equals(m.memberInterface())).findFirst().orElse(null);
    }

    private static List<QueueCommand> toward(Wanted w, QueuePresence.Member actual) {
        String queue = w.site().queue();
        String reason = w.reason() == null ? null : w.reason().name();
        boolean paused = w.state() == PresenceState.PAUSED;
        return switch (w.state()) {
            case SIGNED_OUT -> actual == null ? List.of() : List.of(new QueueCommand.Remove(queue, w.memberInterface()));
            case AVAILABLE, PAUSED -> {
                if (actual == null) {
                    yield List.of(new QueueCommand.Add(queue, w.memberInterface(), w.endpoint(), paused, reason));
                }
                boolean same = actual.paused() == paused
                        && (!paused || Objects.equals(reason, actual.pausedReason()));
                yield same ? List.of() : List.of(new QueueCommand.Pause(queue, w.memberInterface(), paused, reason));
            }
        };
    }
}
