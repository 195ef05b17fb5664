package dk.hotline.routing.referral.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralLifecycleTest {

    private final ReferralLifecycle lifecycle = new ReferralLifecycle();

    @Test
    void acknowledgingTwiceEmitsOnce() {
        Transition first = lifecycle.apply(Progress.DELIVERED, RecipientAction.ACKNOWLEDGE);
        assertThat(first.progress()).isEqualTo(Progress.ACKNOWLEDGED);
        assertThat(first.events()).containsExactly(ReferralStatus.ACKNOWLEDGED);
        assertThat(lifecycle.apply(first.progress(), RecipientAction.ACKNOWLEDGE).changed()).isFalse();
    }

    @Test
    void acceptingWithoutAcknowledgingAcknowledgesFirst() {
        assertThat(lifecycle.apply(Progress.DELIVERED, RecipientAction.ACCEPT).events())
                .containsExactly(ReferralStatus.ACKNOWLEDGED, ReferralStatus.ACCEPTED);
        assertThat(lifecycle.apply(Progress.ACKNOWLEDGED, RecipientAction.REJECT).events())
                .containsExactly(ReferralStatus.REJECTED);
    }

    @Test
    void aDecisionCannotBeReversed() {
        assertThatThrownBy(() -> lifecycle.apply(Progress.REJECTED, RecipientAction.ACCEPT))
                .isInstanceOf(ActionConflictException.class).hasMessage("the referral is already rejected");
        assertThatThrownBy(() -> lifecycle.apply(Progress.ACCEPTED, RecipientAction.REJECT))
                .isInstanceOf(ActionConflictException.class);
        assertThat(lifecycle.apply(Progress.ACCEPTED, RecipientAction.ACCEPT).changed()).isFalse();
        assertThat(lifecycle.apply(Progress.ACCEPTED, RecipientAction.ACKNOWLEDGE).changed()).isFalse();
    }

    @Test
    void deliveredOnlyOnce() {
        assertThat(lifecycle.delivered(Progress.ROUTED).events()).containsExactly(ReferralStatus.DELIVERED);
        assertThat(lifecycle.delivered(Progress.DELIVERED).changed()).isFalse();
        assertThat(lifecycle.delivered(Progress.ACKNOWLEDGED).changed()).isFalse();
    }

    @Test
    void statusEventTypesFollowTheContract() {
        assertThat(ReferralStatus.ESCALATED.eventType()).isEqualTo("dk.hotline.referral.escalated.v1");
    }

    @Test
    void forwardingStartsAgainForTheNewRecipientButNeverAfterADecision() {
        assertThat(lifecycle.forward(Progress.ACKNOWLEDGED).progress()).isEqualTo(Progress.ROUTED);
        assertThat(lifecycle.forward(Progress.DELIVERED).events()).containsExactly(ReferralStatus.FORWARDED);
        assertThatThrownBy(() -> lifecycle.forward(Progress.ACCEPTED)).isInstanceOf(ActionConflictException.class);
        assertThatThrownBy(() -> lifecycle.forward(Progress.REJECTED)).isInstanceOf(ActionConflictException.class);
        assertThatThrownBy(() -> lifecycle.forward(Progress.CLOSED)).isInstanceOf(ActionConflictException.class);
    }

    @Test
    void anOutcomeIsRecordedOnceAfterAcceptingAndTheSameAgainChangesNothing() {
        Transition t = lifecycle.recordOutcome(Progress.ACCEPTED, null, RecipientOutcome.CASE_STARTED);
        assertThat(t.progress()).isEqualTo(Progress.CLOSED);
        assertThat(t.events()).containsExactly(ReferralStatus.OUTCOME_RECORDED);
        assertThat(lifecycle.recordOutcome(Progress.CLOSED, RecipientOutcome.CASE_STARTED, RecipientOutcome.CASE_STARTED).changed()).isFalse();
        assertThatThrownBy(() -> lifecycle.recordOutcome(Progress.CLOSED, RecipientOutcome.CASE_STARTED, RecipientOutcome.NO_CONTACT))
                .isInstanceOf(ActionConflictException.class).hasMessage("an outcome is already recorded");
        assertThatThrownBy(() -> lifecycle.recordOutcome(Progress.ACKNOWLEDGED, null, RecipientOutcome.NOT_CONFIRMED))
                .isInstanceOf(ActionConflictException.class);
        assertThatThrownBy(() -> lifecycle.recordOutcome(Progress.REJECTED, null, RecipientOutcome.NOT_CONFIRMED))
                .isInstanceOf(ActionConflictException.class);
    }
}
