package dk.hotline.routing.contract;

import dk.hotline.contracts.Contract;
import dk.hotline.routing.referral.ReferralCreatedV1;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of referral.created.v1: every field routing's payload record reads is described by the schema,
 * and every field routing refuses an event without is required there. Core's producer test
 * (ReferralResourceTest) validates the events it writes against the same schema.
 */
class ConsumedContractsTest {

    @Test
    void referralEventsCarryEveryFieldRoutingReads() {
        assertThat(Contract.REFERRAL_CREATED_V1.undescribed(ReferralCreatedV1.class)).isEmpty();
    }

    @Test
    void everyFieldRoutingCannotWorkWithoutIsRequired() {
        ReferralCreatedV1 empty = new ReferralCreatedV1(null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(empty.missingFields()).isNotEmpty()
                .allSatisfy(field -> assertThat(Contract.REFERRAL_CREATED_V1.requires(field)).as(field).isTrue());
    }
}
