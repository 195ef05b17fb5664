package dk.hotline.routing.privacy;

import dk.hotline.platform.crypto.SealedColumn;
import dk.hotline.platform.crypto.SealedColumns;
import dk.hotline.routing.referral.ReferralEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Every column routing stores sealed, for the re-encryption job. */
@ApplicationScoped
public class RoutingSealedColumns implements SealedColumns {

    @Override
    public List<SealedColumn> all() {
        return List.of(ReferralEntity.DESCRIPTION, ReferralEntity.CALLER_NAME, ReferralEntity.CALLER_PHONE,
                ReferralEntity.CALLER_EMAIL, ReferralEntity.DECISION_REASON, ReferralEntity.FORWARD_REASON,
                ReferralEntity.OUTCOME_NOTE);
    }
}
