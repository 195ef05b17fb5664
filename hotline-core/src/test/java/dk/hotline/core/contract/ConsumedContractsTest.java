package dk.hotline.core.contract;

import dk.hotline.contracts.Contract;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.core.board.TelephonyQueues;
import dk.hotline.core.call.CallLifecycle;
import dk.hotline.core.console.RoutingPreviews;
import dk.hotline.core.presence.AdapterPresence;
import dk.hotline.core.presence.QueueState;
import dk.hotline.core.transfer.AdapterTransfer;
import dk.hotline.core.transfer.domain.TransferOrder;
import dk.hotline.core.transfer.domain.TransferTarget;
import dk.hotline.core.delivery.ReferralStatusEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of the events and HTTP answers core reads: every field core's payload records read is described by the producer's
 * schema, and the fields core cannot work without are required there. The producers' tests validate what they
 * send against the same schemas (telephony adapter: AmiCallFollowingTest, QueuePresenceOverAmiTest; routing:
 * ReferralFlowTest, ForwardAndOutcomeTest, WebhookDeliveryTest), so a producer renaming or dropping one of these
 * fields fails a build.
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

    @Test
    void theRoutingPreviewCarriesEveryFieldTheConsoleReads() {
        assertThat(Contract.ROUTING_PREVIEW_V1.undescribed(RoutingPreviews.Preview.class)).isEmpty();
        for (String essential : List.of("recipientId", "recipientName", "recipientKind", "copies", "acute", "deadlineHours")) {
            assertThat(Contract.ROUTING_PREVIEW_V1.requires(essential)).as(essential).isTrue();
        }
    }

    @Test
    void theTelephonyQueuesCarryEveryFieldTheBoardReads() {
        assertThat(Contract.TELEPHONY_QUEUES_V1.undescribed(TelephonyQueues.class)).isEmpty();
        for (String essential : List.of("at", "known", "queues[].site", "queues[].waiting", "queues[].waitingByLine",
                "queues[].longestWaitSeconds", "queues[].advisors.free", "queues[].advisors.onCall",
                "queues[].advisors.paused", "queues[].advisors.unavailable")) {
            assertThat(Contract.TELEPHONY_QUEUES_V1.requires(essential)).as(essential).isTrue();
        }
    }

    @Test
    void thePresenceAnswerCarriesEveryFieldTheConsoleReadsAndTheChangeCoreSendsConforms() throws Exception {
        assertThat(Contract.TELEPHONY_PRESENCE_V1.undescribed(AdapterPresence.Presence.class)).isEmpty();
        for (String essential : List.of("endpoint", "site", "state", "applied")) {
            assertThat(Contract.TELEPHONY_PRESENCE_V1.requires(essential)).as(essential).isTrue();
        }
        ObjectMapper json = new ObjectMapper();
        for (AdapterPresence.Change change : List.of(new AdapterPresence.Change(Site.AARHUS, QueueState.PAUSED, PauseReason.BREAK),
                new AdapterPresence.Change(Site.COPENHAGEN, QueueState.SIGNED_OUT, null))) {
            String body = json.writeValueAsString(change);
            assertThat(Contract.TELEPHONY_PRESENCE_CHANGE_V1.violations(body)).as(body).isEmpty();
        }
    }

    @Test
    void theTransferCoreSendsConformsForEveryTarget() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (TransferOrder order : List.of(new TransferOrder(TransferTarget.SITE, Site.COPENHAGEN, null, "note stays in core"),
                new TransferOrder(TransferTarget.COORDINATION, null, null, null),
                new TransferOrder(TransferTarget.COLLEAGUE, null, "advisor-aarhus-2", "x"))) {
            String body = json.writeValueAsString(AdapterTransfer.Body.of(order));
            assertThat(Contract.TELEPHONY_TRANSFER_V1.violations(body)).as(body).isEmpty();
            assertThat(body).doesNotContain("note");
        }
        assertThat(Contract.CALL_LIFECYCLE_V1.describes("transferredFrom")).isTrue();
    }

    @Test
    void theDeadLettersAreTheArrayWhoseLengthTheBoardShows() {
        assertThat(Contract.DEAD_LETTERS_V1.violations("[]")).isEmpty();
        assertThat(Contract.DEAD_LETTERS_V1.violations("{}")).isNotEmpty();
    }
}
