package dk.hotline.core.console;

import dk.hotline.core.advice.domain.FieldProblem;
import dk.hotline.core.call.CallRecord;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.contact.ContactService;
import dk.hotline.core.presence.PresenceService;
import dk.hotline.core.presence.QueueState;
import dk.hotline.core.screen.Msg;
import dk.hotline.core.screen.TransferMsg;
import dk.hotline.core.screen.Viewer;
import dk.hotline.core.transfer.TransferService;
import dk.hotline.core.transfer.domain.TransferTarget;
import dk.hotline.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;

/**
 * The console's side of handing a call on: reads the "Viderestil opkaldet" form, asks {@link TransferService} (the
 * same rules, audit and telephony call as the API), and builds the box the draft shows ({@link TransferPanel}).
 */
@ApplicationScoped
public class ConsoleTransfers {

    private final TransferService transfers;
    private final ContactService contacts;
    private final PresenceService presence;
    private final Msg msg;
    private final TransferMsg transferMsg;

    public ConsoleTransfers(TransferService transfers, ContactService contacts, PresenceService presence, Msg msg,
                            TransferMsg transferMsg) {
        this.transfers = transfers;
        this.contacts = contacts;
        this.presence = presence;
        this.msg = msg;
        this.transferMsg = transferMsg;
    }

    public TransferPanel.Form form(MultivaluedMap<String, String> fields) {
        TransferPanel.Form form = TransferPanel.Form.empty();
        form.target = value(fields, "target");
        form.endpoint = value(fields, "endpoint");
        form.note = value(fields, "note");
        return form;
    }

    /**
     * Asks for the transfer; answers 303 when the telephony took it, else the status to answer with, the form holding
     * the Danish messages (422 for input, 409 for a call no longer the advisor's, 503 for the telephony away).
     */
    public Uni<Integer> request(Viewer me, Contact c, TransferPanel.Form form) {
        if (c.callId == null) {
            form.failure = transferMsg.transfer_err_not_connected();
            return Uni.createFrom().item(409);
        }
        boolean toSite = TransferTarget.SITE.name().equals(form.target);
        boolean toColleague = TransferTarget.COLLEAGUE.name().equals(form.target);
        return contacts.callOf(c).flatMap(call -> {
            String otherSite = call == null || "COPENHAGEN".equals(call.site) ? "AARHUS" : "COPENHAGEN";
            TransferService.Request request = new TransferService.Request(form.target, toSite ? otherSite : null,
                    toColleague ? form.endpoint : null, form.note);
            return transfers.request(me.staff(), c.callId, request).map(ok -> 303);
        }).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException p = (ProblemException) e;
            switch (p.status()) {
                case 400 -> form.problems(p.toProblem().errors().stream()
                        .map(x -> new FieldProblem(x.field(), x.message())).toList(), transferMsg);
                case 503 -> form.failure = transferMsg.transfer_err_unavailable();
                default -> form.failure = transferMsg.transfer_err_not_connected();
            }
            return p.status() == 400 ? 422 : p.status() == 503 ? 503 : 409;
        });
    }

    public Uni<TransferPanel> panel(Viewer me, Contact c, CallRecord call, TransferPanel.Form form) {
        String endpoint = me.staff().endpoint();
        return contacts.advisorsOf(c.id).flatMap(advisors -> transfers.connectedOf(c.id).flatMap(connected ->
                transfers.pendingOf(c.id).flatMap(pending -> colleagues(me).map(colleagues ->
                        TransferPanel.of(endpoint, c, call, connected, pending, advisors, colleagues, form, msg, transferMsg)))));
    }

    /** The phones of this advisor's site signed in to the queue: suggestions for "En kollega". */
    private Uni<List<String>> colleagues(Viewer me) {
        return presence.everyWanted().map(all -> all.stream()
                        .filter(p -> p.site == me.staff().site() && p.state != QueueState.SIGNED_OUT)
                        .map(p -> p.endpoint).sorted().toList())
                .onFailure().recoverWithItem(List.of());
    }

    private static String value(MultivaluedMap<String, String> fields, String name) {
        String v = fields.getFirst(name);
        return v == null ? "" : v;
    }
}
