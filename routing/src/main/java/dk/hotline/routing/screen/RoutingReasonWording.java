package dk.hotline.routing.screen;

import dk.hotline.routing.recipient.domain.RoutingReason;
import dk.hotline.routing.referral.ReferralView;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Words why a referral came to its recipient in Danish, from the routing reason's facts and the message bundle
 * (the English sentence of the same facts stays in the API, the events and the audit). A referral routed before
 * reasons were stored shows its stored sentence.
 */
@ApplicationScoped
public class RoutingReasonWording {

    private final Msg msg;
    private final Labels labels;

    public RoutingReasonWording(Msg msg, Labels labels) {
        this.msg = msg;
        this.labels = labels;
    }

    public String danish(ReferralView referral) {
        RoutingReason r = referral.routingReason();
        if (r == null) {
            return referral.explanation();
        }
        // The forward itself (who, why) is shown beside this; here the hotline's own routing, said to be the first
        return referral.forwardedFrom() == null ? danish(r) : msg.why_first(danish(r));
    }

    /** The facts worded in Danish. */
    public String danish(RoutingReason r) {
        return switch (r.rule()) {
            case ACUTE_POLICE -> r.placeKnown()
                    ? msg.why_ACUTE_POLICE(belongs(r), r.district())
                    : msg.why_ACUTE_POLICE_site(unknown(r), labels.site(r.site()), r.district());
            case COPENHAGEN_LOCAL_LINE -> msg.why_COPENHAGEN_LOCAL_LINE(r.recipient());
            case TRIAGE_UNKNOWN_MUNICIPALITY -> msg.why_TRIAGE(unknown(r), labels.site(r.site()), r.recipient());
            case MINOR_SSP -> msg.why_MINOR_SSP(r.placeName(), r.placeCode(), r.recipient(), r.copy(), belongs(r));
            case INFOHUS -> msg.why_INFOHUS(belongs(r), r.recipient());
        };
    }

    private String belongs(RoutingReason r) {
        return r.territoryNote() == null
                ? msg.why_belongs(r.placeName(), r.placeCode(), r.district())
                : msg.why_territory(r.placeName(), r.placeCode(), r.district());
    }

    private String unknown(RoutingReason r) {
        return r.givenCode() == null || r.givenCode().isBlank() ? msg.why_no_municipality()
                : msg.why_unknown_municipality(r.givenCode());
    }
}
