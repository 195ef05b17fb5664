package dk.hotline.core.callback;

import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Callback requests, for the telephony adapter only (role {@code service}, and the adapter's own client: {@link
 * CallbackClient}, checked before the fields are, so another service learns nothing from validation): it records a
 * caller's wish to be called back (from the queue's "press 1"), claims the next due request of a line with a lease when an advisor is free, says
 * it is dialling, and reports the outcome. No person ever reads a request: the number leaves core only in a claim's
 * answer, to the adapter that places the call. docs/telephony.md, "Callback instead of waiting".
 */
@Path("/api/callbacks")
@Cancellable(false)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("service")
public class CallbackResource {

    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern HOLDER = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public record NewRequest(String callId, String line, String site, String number) {
    }

    public record ClaimRequest(String line, String holder) {
    }

    public record Holder(String holder) {
    }

    public record OutcomeReport(String holder, String outcome) {
    }

    public record LineOnly(String line) {
    }

    private static final String NO_RECORD = "-";

    private final CallbackRequests requests;
    private final CallbackClient client;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Duration lease;

    public CallbackResource(CallbackRequests requests, CallbackClient client, SecurityIdentity identity, Clock clock,
                            @ConfigProperty(name = "hotline.callback.lease") Duration lease) {
        this.requests = requests;
        this.client = client;
        this.identity = identity;
        this.clock = clock;
        this.lease = lease;
    }

    @POST
    @Operation(summary = "Record a caller's request to be called back (the number is sealed, never shown)")
    public Uni<Response> record(NewRequest body) {
        if (!client.isTheAdapter(identity)) {
            return client.refuse(identity, NO_RECORD);
        }
        NewRequest r = body == null ? new NewRequest(null, null, null, null) : body;
        String callId = required("callId", r.callId(), CALL_ID, "is required: the call's id (letters, digits, . _ -)");
        String line = oneOf("line", r.line(), Line.class);
        String site = oneOf("site", r.site(), Site.class);
        String number = required("number", r.number() == null ? null : r.number().replace(" ", ""), NUMBER,
                "is required: the caller's number in digits, optionally with a leading + (a withheld number cannot be called back)");
        return requests.record(actor(), callId, line, site, number, clock.instant())
                .map(rec -> Response.status(rec.created() ? 201 : 200).entity(Map.of("id", rec.id())).build());
    }

    @POST
    @Path("claim")
    @Operation(summary = "Take the line's oldest callback request not yet dialled, with a lease (204 when none)")
    public Uni<Response> claim(ClaimRequest body) {
        if (!client.isTheAdapter(identity)) {
            return client.refuse(identity, NO_RECORD);
        }
        ClaimRequest r = body == null ? new ClaimRequest(null, null) : body;
        String line = oneOf("line", r.line(), Line.class);
        String holder = required("holder", r.holder(), HOLDER, "is required: the claiming adapter's name");
        Instant now = clock.instant();
        return requests.claim(actor(), line, holder, now, now.plus(lease))
                .map(c -> c.map(x -> Response.ok(x)).orElse(Response.noContent()).build());
    }

    @POST
    @Path("{id}/dialling")
    @Operation(summary = "The holder of the lease is placing the callback now (409 when the lease is not its own any more)")
    public Uni<Response> dialling(@PathParam("id") String id, Holder body) {
        if (!client.isTheAdapter(identity)) {
            return client.refuse(identity, recordOf(id));
        }
        UUID request = id(id);
        String holder = required("holder", body == null ? null : body.holder(), HOLDER, "is required: the claiming adapter's name");
        return requests.dialling(holder, request, clock.instant()).map(ok -> answer(ok, "dialling"));
    }

    @POST
    @Path("{id}/outcome")
    @Operation(summary = "What became of the callback: MADE or CALLER_NOT_REACHED drop the number; ADVISOR_NOT_REACHED hands it out again")
    public Uni<Response> outcome(@PathParam("id") String id, OutcomeReport body) {
        if (!client.isTheAdapter(identity)) {
            return client.refuse(identity, recordOf(id));
        }
        UUID request = id(id);
        OutcomeReport r = body == null ? new OutcomeReport(null, null) : body;
        String holder = required("holder", r.holder(), HOLDER, "is required: the claiming adapter's name");
        CallbackRequests.Outcome outcome = CallbackRequests.Outcome.valueOf(
                oneOf("outcome", r.outcome(), CallbackRequests.Outcome.class));
        return requests.outcome(actor(), holder, request, outcome, clock.instant()).map(ok -> answer(ok, "outcome"));
    }

    @POST
    @Path("close")
    @Operation(summary = "The line has closed: its callbacks not yet dialled are given up and their numbers dropped")
    public Uni<Map<String, Integer>> close(LineOnly body) {
        if (!client.isTheAdapter(identity)) {
            return client.refuse(identity, NO_RECORD);
        }
        String line = oneOf("line", body == null ? null : body.line(), Line.class);
        return requests.closeLine(actor(), line, clock.instant()).map(n -> Map.of("closed", n));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Response answer(boolean ok, String what) {
        if (!ok) {
            throw ProblemException.conflict("callback-not-held", "Not this holder's callback",
                    "The callback request is not " + (what.equals("dialling") ? "claimed" : "being dialled")
                            + " by this holder (lease expired, or another adapter has it)", List.of());
        }
        return Response.noContent().build();
    }

    /** The request a refused call named, for its audit entry: its id when it is one. */
    private static String recordOf(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return NO_RECORD;
        }
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("id", "must be a callback request id (a UUID)");
        }
    }

    private static String required(String field, String value, Pattern shape, String message) {
        if (value == null || !shape.matcher(value).matches()) {
            throw ProblemException.badField(field, message);
        }
        return value;
    }

    private static <E extends Enum<E>> String oneOf(String field, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return value;
            }
        }
        throw ProblemException.badField(field, "is required, one of " + List.of(type.getEnumConstants()));
    }
}
