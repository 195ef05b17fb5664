package dk.hotline.telephony.presence.domain;

import dk.hotline.contracts.vocabulary.PauseReason;
import dk.hotline.contracts.vocabulary.Site;
import dk.hotline.telephony.routing.domain.QueuePresence;
import dk.hotline.telephony.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdvisorPresenceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final AdvisorPresence presence = new AdvisorPresence(clock, Duration.ofSeconds(60));
    private final QueuePresence queues = new QueuePresence(clock);

    private static QueuePresence.Member member(String endpoint, boolean paused, String reason) {
        return new QueuePresence.Member("hotline-aarhus", "PJSIP/" + endpoint, endpoint, 1, paused, reason);
    }

    private List<QueueCommand> reconcile() {
        return presence.reconcile(queues::members);
    }

    @Test
    void signingInAddsAnUnpausedDynamicMemberToTheSitesQueue() {
        assertThat(presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, List.of()))
                .containsExactly(new QueueCommand.Add("hotline-aarhus", "PJSIP/advisor-aarhus-1", "advisor-aarhus-1",
                        false, null));
    }

    @Test
    void pausingAMemberIsOnePauseWithTheReasonCode() {
        assertThat(presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.PAUSED, PauseReason.SUPERVISION,
                List.of(member("advisor-aarhus-1", false, "")))).containsExactly(
                new QueueCommand.Pause("hotline-aarhus", "PJSIP/advisor-aarhus-1", true, "SUPERVISION"));
    }

    @Test
    void signingInPausedAddsItPausedSoItIsNeverOfferedACall() {
        assertThat(presence.change("advisor-cph-1", Site.COPENHAGEN, PresenceState.PAUSED, PauseReason.BREAK, List.of()))
                .containsExactly(new QueueCommand.Add("hotline-copenhagen", "PJSIP/advisor-cph-1", "advisor-cph-1",
                        true, "BREAK"));
    }

    @Test
    void resumingUnpausesAndSigningOutRemoves() {
        List<QueuePresence.Member> paused = List.of(member("advisor-aarhus-1", true, "BREAK"));
        assertThat(presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, paused))
                .containsExactly(new QueueCommand.Pause("hotline-aarhus", "PJSIP/advisor-aarhus-1", false, null));
        assertThat(presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.SIGNED_OUT, null, paused))
                .containsExactly(new QueueCommand.Remove("hotline-aarhus", "PJSIP/advisor-aarhus-1"));
    }

    @Test
    void whatAsteriskAlreadyHoldsSendsNothing() {
        assertThat(presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.PAUSED, PauseReason.BREAK,
                List.of(member("advisor-aarhus-1", true, "BREAK")))).isEmpty();
        assertThat(presence.change("advisor-aarhus-2", Site.AARHUS, PresenceState.SIGNED_OUT, null, List.of())).isEmpty();
    }

    @Test
    void aPauseIsOnlyWithAReasonAndAReasonOnlyWithAPause() {
        assertThatThrownBy(() -> presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.PAUSED, null, List.of()))
                .hasMessage("reason");
        assertThatThrownBy(() -> presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE,
                PauseReason.BREAK, List.of())).hasMessage("reason");
        assertThatThrownBy(() -> presence.change("Jens Hansen", Site.AARHUS, PresenceState.AVAILABLE, null, List.of()))
                .hasMessage("endpoint");
    }

    @Test
    void afterAReconnectEveryWantedStateAsteriskLostIsAssertedAgain() {
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.PAUSED, PauseReason.SUPERVISION, List.of());
        presence.change("advisor-aarhus-2", Site.AARHUS, PresenceState.AVAILABLE, null, List.of());
        presence.change("advisor-cph-1", Site.COPENHAGEN, PresenceState.SIGNED_OUT, null, List.of());
        // Asterisk came back: aarhus-1 gone, aarhus-2 there but paused by someone at the PBX, cph-1 restored from
        // the AstDB although it signed out while the link was down.
        queues.snapshotStarted();
        queues.memberUpdated(member("advisor-aarhus-2", true, "lunch"));
        queues.memberUpdated(new QueuePresence.Member("hotline-copenhagen", "PJSIP/advisor-cph-1", "advisor-cph-1", 1,
                false, ""));
        queues.snapshotCompleted();

        assertThat(reconcile()).containsExactlyInAnyOrder(
                new QueueCommand.Add("hotline-aarhus", "PJSIP/advisor-aarhus-1", "advisor-aarhus-1", true, "SUPERVISION"),
                new QueueCommand.Pause("hotline-aarhus", "PJSIP/advisor-aarhus-2", false, null),
                new QueueCommand.Remove("hotline-copenhagen", "PJSIP/advisor-cph-1"));
    }

    @Test
    void membersAsteriskKeptThroughAnAdapterRestartAreAdoptedNotChanged() {
        queues.snapshotStarted();
        queues.memberUpdated(member("advisor-aarhus-3", true, "BREAK"));
        queues.memberUpdated(member("advisor-aarhus-4", false, ""));
        queues.snapshotCompleted();

        assertThat(reconcile()).isEmpty();
        assertThat(presence.wanted("advisor-aarhus-3")).get().extracting(AdvisorPresence.Wanted::state,
                AdvisorPresence.Wanted::reason).containsExactly(PresenceState.PAUSED, PauseReason.BREAK);
        assertThat(presence.wanted("advisor-aarhus-4")).get().extracting(AdvisorPresence.Wanted::state)
                .isEqualTo(PresenceState.AVAILABLE);
    }

    @Test
    void aCallEndedPausesAnAvailableAdvisorForFollowUpWorkUntilTheTimeIsUp() {
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, List.of());

        assertThat(presence.callCompleted("PJSIP/advisor-aarhus-1")).containsExactly(
                new QueueCommand.Pause("hotline-aarhus", "PJSIP/advisor-aarhus-1", true, "WRAP_UP"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(presence.wrapUpsDue()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(presence.wrapUpsDue()).containsExactly(
                new QueueCommand.Pause("hotline-aarhus", "PJSIP/advisor-aarhus-1", false, null));
        assertThat(presence.wanted("advisor-aarhus-1")).get().extracting(AdvisorPresence.Wanted::state)
                .isEqualTo(PresenceState.AVAILABLE);
        assertThat(presence.wrapUpsDue()).isEmpty();
    }

    @Test
    void followUpWorkLeavesAPauseByHandAndOtherInterfacesAlone() {
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.PAUSED, PauseReason.BREAK, List.of());
        assertThat(presence.callCompleted("PJSIP/advisor-aarhus-1")).isEmpty();
        assertThat(presence.callCompleted("PJSIP/advisor-unknown")).isEmpty();
        assertThat(presence.callCompleted("SIP/old-phone")).isEmpty();
    }

    @Test
    void resumingDuringFollowUpWorkEndsItAndTheTimerDoesNothingLater() {
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, List.of());
        presence.callCompleted("PJSIP/advisor-aarhus-1");
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null,
                List.of(member("advisor-aarhus-1", true, "WRAP_UP")));
        clock.advance(Duration.ofMinutes(5));
        assertThat(presence.wrapUpsDue()).isEmpty();
    }

    @Test
    void noFollowUpWorkWhenItsTimeIsZero() {
        AdvisorPresence none = new AdvisorPresence(clock, Duration.ZERO);
        none.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, List.of());
        assertThat(none.callCompleted("PJSIP/advisor-aarhus-1")).isEmpty();
    }

    @Test
    void whatCoreKeptIsReassertedAfterAnAdapterRestartEvenASignOutAsteriskNeverGot() {
        // A fresh adapter: Asterisk (restarted without its AstDB) holds nobody; aarhus-2 came back from
        // persistentmembers although its advisor signed out while AMI was down.
        queues.memberUpdated(member("advisor-aarhus-2", false, ""));
        presence.restore(List.of(
                new AdvisorPresence.Wanted("advisor-aarhus-1", Site.AARHUS, PresenceState.PAUSED, PauseReason.BREAK,
                        null),
                new AdvisorPresence.Wanted("advisor-aarhus-2", Site.AARHUS, PresenceState.SIGNED_OUT, null, null)));

        assertThat(reconcile()).containsExactlyInAnyOrder(
                new QueueCommand.Add("hotline-aarhus", "PJSIP/advisor-aarhus-1", "advisor-aarhus-1", true, "BREAK"),
                new QueueCommand.Remove("hotline-aarhus", "PJSIP/advisor-aarhus-2"));
    }

    @Test
    void whatCoreKeptOutranksAStaleWishOfThisAdapterAndNonsenseIsSkipped() {
        // Two adapters: the advisor's later change (signed out) went to the other one; core kept it.
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, List.of());
        presence.restore(List.of(
                new AdvisorPresence.Wanted("advisor-aarhus-1", Site.AARHUS, PresenceState.SIGNED_OUT, null, null),
                new AdvisorPresence.Wanted("Bad Name", Site.AARHUS, PresenceState.AVAILABLE, null, null),
                new AdvisorPresence.Wanted("advisor-cph-1", Site.COPENHAGEN, PresenceState.PAUSED, null, null)));

        assertThat(presence.wanted("advisor-aarhus-1")).get().extracting(AdvisorPresence.Wanted::state)
                .isEqualTo(PresenceState.SIGNED_OUT);
        assertThat(presence.wanted("Bad Name")).isEmpty();
        assertThat(presence.wanted("advisor-cph-1")).isEmpty();
    }

    @Test
    void thisAdaptersOwnFollowUpPauseIsKeptOverWhatCoreKept() {
        presence.change("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, List.of());
        presence.callCompleted("PJSIP/advisor-aarhus-1");
        presence.restore(List.of(
                new AdvisorPresence.Wanted("advisor-aarhus-1", Site.AARHUS, PresenceState.AVAILABLE, null, null)));

        assertThat(presence.wanted("advisor-aarhus-1")).get().extracting(AdvisorPresence.Wanted::reason)
                .isEqualTo(PauseReason.WRAP_UP);
    }

    @Test
    void whatCoreKeptOutranksAMemberOnlyAdoptedFromAsterisk() {
        // Core was unreachable at login: Asterisk's member was adopted as it stood; core answers later.
        queues.memberUpdated(member("advisor-aarhus-1", false, ""));
        assertThat(reconcile()).isEmpty();
        presence.restore(List.of(new AdvisorPresence.Wanted("advisor-aarhus-1", Site.AARHUS, PresenceState.SIGNED_OUT,
                null, null)));

        assertThat(reconcile()).containsExactly(new QueueCommand.Remove("hotline-aarhus", "PJSIP/advisor-aarhus-1"));
    }
}
