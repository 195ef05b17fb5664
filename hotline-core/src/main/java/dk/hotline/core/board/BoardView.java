package dk.hotline.core.board;

import dk.hotline.core.callback.CallbackFigures;
import dk.hotline.core.console.PresencePanel;
import dk.hotline.core.console.StatusTexts;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.PresenceMsg;
import io.quarkus.qute.i18n.MessageBundles;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The board in Danish words and local times, as the page and its live fragment show it. */
public record BoardView(String updatedAt, boolean queuesKnown, List<QueueRow> queues, List<CallRow> calls,
                        long answered, long abandoned, int unlogged, String deadLetters, long eventDeadLetters, long overdue, long dueSoon,
                        List<ReferralRow> referrals, CallbackFigures.CallbacksToday callbacks) {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public record QueueRow(String site, int waiting, int national, int local, String longestWait, int free,
                           int onCall, int paused, int unavailable, String pausedReasons) {
    }

    public record CallRow(String site, String line, long offered, long answered, long abandoned) {
    }

    public record ReferralRow(String id, String site, String line, String deadline, String status, String recipient,
                              boolean overdue) {
    }

    static BoardView of(Board board, Msg msg, StatusTexts statuses) {
        TelephonyQueues q = board.queues();
        boolean known = q != null && q.known();
        List<QueueRow> queues = !known ? List.of() : q.queues().stream().map(x -> new QueueRow(site(x.site(), msg),
                x.waiting(), x.waitingByLine().getOrDefault("NATIONAL", 0),
                x.waitingByLine().getOrDefault("COPENHAGEN_LOCAL", 0), minutes(x.longestWaitSeconds()),
                x.advisors().free(), x.advisors().onCall(), x.advisors().paused(), x.advisors().unavailable(),
                pausedReasons(x.advisors().pausedByReason(), msg))).toList();
        List<CallRow> calls = board.callsToday().stream().map(c -> new CallRow(site(c.site(), msg), line(c.line(), msg),
                c.offered(), c.answered(), c.abandoned())).toList();
        List<ReferralRow> referrals = board.referrals().stream().map(r -> new ReferralRow(r.id().toString(),
                site(r.site(), msg), line(r.line(), msg), local(r.deadline(), DEADLINE),
                r.status() == null ? msg.status_none() : statuses.label(r.status()),
                r.recipientName() == null ? "–" : r.recipientName(), r.overdue())).toList();
        return new BoardView(local(board.at(), TIME), known, queues, calls, board.answeredToday(),
                board.abandonedToday(), board.unloggedCalls(),
                board.deadLetters() == null ? msg.board_unknown() : board.deadLetters().toString(), board.eventDeadLetters(),
                board.referralsOverdue(), board.referralsDueSoon(), referrals, board.callbacks());
    }

    /** "Pause 1, Efterbehandling 2" in the order of the reasons; "–" when nobody is paused. */
    static String pausedReasons(Map<String, Integer> byReason, Msg msg) {
        if (byReason.isEmpty()) {
            return "–";
        }
        return byReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> PresencePanel.reason(e.getKey(), MessageBundles.get(PresenceMsg.class)) + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A wait as m:ss (h:mm:ss past an hour). */
    static String minutes(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    private static String local(Instant instant, DateTimeFormatter format) {
        return format.format(instant.atZone(DANISH));
    }

    private static String site(String site, Msg msg) {
        if ("AARHUS".equals(site)) {
            return msg.site_AARHUS();
        }
        return "COPENHAGEN".equals(site) ? msg.site_COPENHAGEN() : msg.no_site();
    }

    private static String line(String line, Msg msg) {
        if ("NATIONAL".equals(line)) {
            return msg.line_NATIONAL();
        }
        return "COPENHAGEN_LOCAL".equals(line) ? msg.line_COPENHAGEN_LOCAL() : msg.board_unknown();
    }
}
