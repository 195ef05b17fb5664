package dk.hotline.core.delivery;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** What became of a referral: its status history, oldest first. */
@ApplicationScoped
public class ReferralStatuses {

    @WithSession
    public Uni<List<ReferralStatus>> of(UUID referralId) {
        return ReferralStatus.list("referralId = ?1 order by occurredAt, receivedAt", referralId);
    }
}
