package dk.hotline.core.screen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The advisor's queue presence in Danish (console box, pause reasons on the board). A bundle of its own: Quarkus
 * 3.33 generated an unverifiable {@code Msg_Bundle} (VerifyError) once {@link Msg} passed about 300 messages.
 */
@MessageBundle(value = "presence", locale = "da")
public interface PresenceMsg {
    @Message String presence_title();
    @Message String presence_state_AVAILABLE();
    @Message String presence_state_PAUSED(String reason);
    @Message String presence_state_SIGNED_OUT();
    @Message String presence_state_unknown();
    @Message String presence_wrap_up_until(String time);
    @Message String presence_not_applied();
    @Message String presence_sign_in();
    @Message String presence_resume();
    @Message String presence_sign_out();
    @Message String presence_reason();
    @Message String presence_choose_reason();
    @Message String presence_pause();
    @Message String presence_err_reason();
    @Message String presence_err_unavailable();
    @Message String pause_reason_BREAK();
    @Message String pause_reason_SUPERVISION();
    @Message String pause_reason_WRAP_UP();
    @Message String pause_reason_OTHER();
}
