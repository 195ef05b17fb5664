package dk.hotline.routing.notification;

import com.icegreen.greenmail.util.GreenMailUtil;
import dk.hotline.routing.support.FunctionalMailbox;
import dk.hotline.routing.support.ReferralEvents;
import dk.hotline.routing.support.RoutingTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * E-mails to an organisation's functional mailbox when a referral arrives, when its deadline nears and when it goes
 * overdue, sent through a real SMTP server on loopback: the whole body is what we expect, a link and a deadline, and
 * nothing of the referral's content.
 */
@QuarkusTest
@QuarkusTestResource(RoutingTestResources.class)
@QuarkusTestResource(FunctionalMailbox.class)
class MailNotificationTest {

    private static final String MAILBOX = "infohus.oestjylland@politi.example";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d. MMM yyyy 'kl.' HH:mm",
            Locale.forLanguageTag("da")).withZone(ZoneId.of("Europe/Copenhagen"));

    @Test
    @TestSecurity(user = "supervisor", roles = "supervisor")
    void arrivalDeadlineNearAndOverdueEachSendOneMailWithALinkAndNoPersonalData() throws Exception {
        given().contentType(ContentType.JSON).body("{\"mode\":\"INBOX\",\"mailbox\":\"not-an-address\"}")
                .put("/api/admin/recipients/infohus-oestjylland/delivery").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mailbox"));
        given().contentType(ContentType.JSON).body("{\"mode\":\"INBOX\",\"mailbox\":\"" + MAILBOX + "\"}")
                .put("/api/admin/recipients/infohus-oestjylland/delivery").then().statusCode(200)
                .body("mailbox", equalTo(MAILBOX));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReferralEvents.Referral arrived = sentinel(ReferralEvents.referral("751", "AGE_25_PLUS"));
        ReferralEvents.Referral dueSoon = sentinel(ReferralEvents.referral("751", "AGE_25_PLUS")
                .with("deadlineAt", now.plus(2, ChronoUnit.HOURS).toString()));
        ReferralEvents.Referral overdue = sentinel(ReferralEvents.referral("751", "AGE_25_PLUS")
                .with("createdAt", now.minus(25, ChronoUnit.HOURS).toString())
                .with("deadlineAt", now.minus(1, ChronoUnit.HOURS).toString()));
        try (ReferralEvents core = new ReferralEvents()) {
            core.publish(arrived);
            core.publish(dueSoon);
            core.publish(overdue);
        }

        // Three arrivals, one deadline near, one overdue.
        await().atMost(Duration.ofSeconds(60)).until(() -> FunctionalMailbox.server().getReceivedMessages().length >= 5);
        List<MimeMessage> mails = Arrays.asList(FunctionalMailbox.server().getReceivedMessages());
        assertThat(mails).hasSize(5);
        for (MimeMessage m : mails) {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(MAILBOX);
            assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContain("Sentinel").doesNotContain("+4599887766")
                    .doesNotContain("sentinel@example.dk");
        }

        assertThat(body(mails, "Ny bekymringshenvendelse til Infohus Østjylland", arrived)).isEqualTo(
                "Den nationale hotline om ekstremisme har sendt en bekymringshenvendelse til Infohus Østjylland.\n\n"
                        + "Frist for kvittering: " + SHOWN.format(Instant.parse((String) arrived.payload().get("deadlineAt"))) + ".\n\n"
                        + "Log ind og læs den her: https://indbakke.hotline.example/indbakke/" + arrived.id() + "\n\n"
                        + "Denne e-mail indeholder ingen personoplysninger. Svar ikke på den.");
        assertThat(body(mails, "Fristen nærmer sig for en henvendelse til Infohus Østjylland", dueSoon)).isEqualTo(
                "Fristen for en bekymringshenvendelse til Infohus Østjylland nærmer sig, og der er ikke kvitteret for den.\n\n"
                        + "Frist for kvittering: " + SHOWN.format(now.plus(2, ChronoUnit.HOURS)) + ".\n\n"
                        + "Log ind og læs den her: https://indbakke.hotline.example/indbakke/" + dueSoon.id() + "\n\n"
                        + "Denne e-mail indeholder ingen personoplysninger. Svar ikke på den.");
        assertThat(body(mails, "Fristen er overskredet for en henvendelse til Infohus Østjylland", overdue)).isEqualTo(
                "Fristen for en bekymringshenvendelse til Infohus Østjylland er overskredet, og der er ikke kvitteret for den.\n\n"
                        + "Frist for kvittering: " + SHOWN.format(now.minus(1, ChronoUnit.HOURS)) + ".\n\n"
                        + "Log ind og læs den her: https://indbakke.hotline.example/indbakke/" + overdue.id() + "\n\n"
                        + "Denne e-mail indeholder ingen personoplysninger. Svar ikke på den.");
    }

    private static ReferralEvents.Referral sentinel(ReferralEvents.Referral r) {
        return r.with("description", "Sentinel description of a person")
                .with("callerContact", java.util.Map.of("name", "Sentinel Caller", "phone", "+4599887766", "email", "sentinel@example.dk"));
    }

    /** The text of the one mail with this subject about this referral. */
    private static String body(List<MimeMessage> mails, String subject, ReferralEvents.Referral about) throws Exception {
        List<String> bodies = new java.util.ArrayList<>();
        for (MimeMessage m : mails) {
            if (subject.equals(m.getSubject()) && m.getContent() instanceof String s && s.contains(about.id())) {
                bodies.add(s.replace("\r\n", "\n"));
            }
        }
        assertThat(bodies).as("mails '%s' about %s", subject, about.id()).hasSize(1);
        return bodies.get(0);
    }
}
