package dk.hotline.routing.recipient;

import dk.hotline.contracts.MunicipalityCode;
import dk.hotline.contracts.rules.Deadlines;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.routing.recipient.domain.RecipientResolver;
import dk.hotline.routing.recipient.domain.RoutingDecision;
import dk.hotline.routing.recipient.domain.RoutingRequest;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Site;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a referral would go, before it is made: the same resolver that routing applies to the real referral and
 * the one deadline rule that core applies when it makes it, so the advisor's preview ("Går til: Infohus Fyn — frist 48 timer") comes from the one source.
 * Reads reference data only (no personal data); for advisors, called by core with the advisor's own token.
 */
@Path("/api/routing/preview")
@RolesAllowed("advisor")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingPreviewResource {

    public record Preview(String recipientId, String recipientName, String recipientKind, List<String> copies,
                          boolean acute, long deadlineHours, String explanation) {
    }

    private final RecipientResolver resolver;
    private final Clock clock;

    public RoutingPreviewResource(RecipientResolver resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Which recipient and deadline a referral with these facts would get (no referral is made)")
    public Preview preview(@QueryParam("line") String line, @QueryParam("severity") String severity,
                           @QueryParam("municipalityCode") String municipalityCode, @QueryParam("ageBand") String ageBand,
                           @QueryParam("site") String site) {
        Line l = required(Line.class, "line", line);
        Severity s = required(Severity.class, "severity", severity);
        Site handledBy = required(Site.class, "site", site);
        AgeBand age = ageBand == null || ageBand.isBlank() ? AgeBand.UNKNOWN : required(AgeBand.class, "ageBand", ageBand);
        String municipality = municipalityCode == null || municipalityCode.isBlank() ? null
                : MunicipalityCode.normalise(municipalityCode);
        if (municipality != null && !MunicipalityCode.isWellFormed(municipality)) {
            throw ProblemException.badField("municipalityCode", "must be a 3-digit municipality code");
        }
        RoutingDecision decision = resolver.resolve(new RoutingRequest(l, s, municipality, age, handledBy, clock.instant()));
        return new Preview(decision.recipient().id(), decision.recipient().name(), decision.recipient().kind().name(),
                decision.copies().stream().map(o -> o.name()).toList(), decision.acute(),
                Deadlines.allowance(s).toHours(), decision.explanation());
    }

    private static <E extends Enum<E>> E required(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required: one of " + names(type));
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.badField(field, "must be one of " + names(type)));
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
