package dk.hotline.core.contract;

import dk.hotline.contracts.Contract;
import dk.hotline.core.call.CallLifecycle;
import dk.hotline.core.delivery.ReferralStatusEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of the events core reads: every field core's payload records read is described by the producer's
 * schema, and the fields core cannot work without are required there. The producers' tests validate what they
 * send against the same schemas (telephony adapter: AmiCallFollowingTest; routing: ReferralFlowTest), so a producer
 * renaming or dropping one of these fields fails a build.
 */
class ConsumedContractsTest {

    @Test
    void callEventsCarryEveryFieldCoreReads() {
        assertThat(Contract.CALL_LIFECYCLE_V1.undescribed(CallLifecycle.class)).isEmpty();
        for (String essential : new String[] {"callId", "state", "occurredAt"}) {
            assertThat(Contract.CALL_LIFECYCLE_V1.requires(essential)).as(essential).isTrue();
        }
    }

    @Test
    void referralStatusEventsCarryEveryFieldCoreReads() {
        assertThat(Contract.REFERRAL_STATUS_V1.undescribed(ReferralStatusEvent.class)).isEmpty();
        for (String essential : new String[] {"referralId", "status", "occurredAt", "deadlineAt"}) {
            assertThat(Contract.REFERRAL_STATUS_V1.requires(essential)).as(essential).isTrue();
        }
    }
}
