package dk.hotline.core.console;

import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.advice.domain.FieldProblem;
import dk.hotline.core.call.CallRecord;
import dk.hotline.core.call.domain.CallState;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactAdvisor;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.TransferMsg;
import dk.hotline.core.transfer.CallTransfer;
import dk.hotline.core.transfer.domain.TransferRules;
import dk.hotline.core.transfer.domain.TransferTarget;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft's "Viderestil opkaldet" box and what a handed-on call shows, in Danish: {@code offer} when this advisor
 * holds the live call (the form, with the values and messages of a refused try); {@code pending} once the telephony
 * took it; {@code handedOn} for the advisor it went from (the draft is read-only for them); {@code received}, the
 * transfers that reached a colleague with the first advisor's note, shown above the form.
 */
public record TransferPanel(boolean offer, String otherSite, String otherSiteLabel, String pending, String handedOn,
                            List<Received> received, List<String> advisors, List<String> colleagues, Form form) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Copenhagen"));

    /** One transfer that reached its receiver: "Viderestillet fra … kl. …" and the note. */
    public record Received(String text, String note) {
    }

    /** What the advisor typed, and the Danish message beside each field (by the API's field names), or a general one. */
    public static final class Form {
        public String target = "";
        public String endpoint = "";
        public String note = "";
        public String failure;
        public final Map<String, String> errors = new LinkedHashMap<>();

        public static Form empty() {
            return new Form();
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty() || failure != null;
        }

        public List<Map.Entry<String, String>> errorList() {
            return List.copyOf(errors.entrySet());
        }

        /** The rule's problems in Danish, beside their fields. */
        public void problems(List<FieldProblem> problems, TransferMsg msg) {
            for (FieldProblem p : problems) {
                errors.putIfAbsent(p.field(), switch (p.field()) {
                    case "target" -> msg.transfer_err_target();
                    case "site" -> msg.transfer_err_site();
                    case "endpoint" -> p.message().startsWith("is required") ? msg.transfer_err_endpoint_required()
                            : p.message().startsWith("is your own") ? msg.transfer_err_endpoint_own() : msg.transfer_err_endpoint_invalid();
                    case "note" -> msg.transfer_err_note_long();
                    default -> p.message();
                });
            }
        }
    }

    public boolean hasReceived() {
        return !received.isEmpty();
    }

    public static TransferPanel of(String me, Contact c, CallRecord call, List<CallTransfer> connected, CallTransfer pending,
                                   List<ContactAdvisor> advisors, List<String> colleagues, Form form, Msg msg, TransferMsg t) {
        Site callSite = call == null || call.site == null ? c.site
                : java.util.Arrays.stream(Site.values()).filter(x -> x.name().equals(call.site)).findFirst().orElse(c.site);
        Site other = callSite == Site.AARHUS ? Site.COPENHAGEN : Site.AARHUS;
        String otherLabel = other == Site.AARHUS ? msg.site_AARHUS() : msg.site_COPENHAGEN();
        ContactAdvisor mine = advisors.stream().filter(a -> a.advisorEndpoint.equals(me)).findFirst().orElse(null);
        String handedOn = null;
        if (mine != null && mine.handedOnAt != null && !me.equals(c.advisorEndpoint)) {
            handedOn = t.transfer_handed_on(c.advisorEndpoint, TIME.format(mine.handedOnAt));
        }
        boolean live = call != null && call.state == CallState.CONNECTED && me != null && me.equals(call.advisorEndpoint)
                && me.equals(c.advisorEndpoint) && c.status == ContactStatus.DRAFT;
        String waiting = live && pending != null && me.equals(pending.fromEndpoint)
                ? t.transfer_pending(target(pending, otherLabel, t), TIME.format(pending.requestedAt)) : null;
        List<Received> received = connected.stream().map(x -> {
            String note = x.getNote();
            return new Received(t.transfer_received(x.requestedBy + " (" + x.fromEndpoint + ")", TIME.format(x.connectedAt)),
                    note == null ? t.transfer_no_note() : note);
        }).toList();
        return new TransferPanel(live && waiting == null, other.name(), otherLabel, waiting, handedOn, received,
                advisors.stream().map(a -> a.advisorEndpoint).toList(),
                colleagues.stream().filter(e -> !e.equals(me)).toList(), form);
    }

    private static String target(CallTransfer x, String otherLabel, TransferMsg t) {
        return switch (x.target) {
            case SITE -> t.transfer_target_SITE(otherLabel);
            case COORDINATION -> t.transfer_target_COORDINATION();
            case COLLEAGUE -> x.targetEndpoint;
        };
    }

    /** The most a note may be, for the field's maxlength. */
    public int noteMax() {
        return TransferRules.NOTE_MAX;
    }

    /** The targets, for the radio buttons. */
    public List<TransferTarget> targets() {
        return List.of(TransferTarget.values());
    }
}
