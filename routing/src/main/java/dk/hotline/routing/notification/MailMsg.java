package dk.hotline.routing.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The wording of the e-mails to functional mailboxes, in Danish ({@code messages/mail_da.properties}), beside the
 * notifier that sends them: what happened, the deadline and a link, never anything of the referral's content.
 */
@MessageBundle(value = "mail", locale = "da")
public interface MailMsg {
    @Message String mail_subject_ARRIVED(String organisation);
    @Message String mail_subject_DEADLINE_NEAR(String organisation);
    @Message String mail_subject_OVERDUE(String organisation);
    @Message String mail_text_ARRIVED(String organisation);
    @Message String mail_text_DEADLINE_NEAR(String organisation);
    @Message String mail_text_OVERDUE(String organisation);
    @Message String mail_deadline(String deadline);
    @Message String mail_link(String link);
    @Message String mail_footer();
}
