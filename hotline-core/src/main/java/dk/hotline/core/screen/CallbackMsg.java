package dk.hotline.core.screen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Today's callbacks on the supervisor board, in Danish. Its own bundle: {@link Msg} stays under ~300 messages. */
@MessageBundle(value = "callback", locale = "da")
public interface CallbackMsg {
    @Message String callback_title();
    @Message String callback_requested();
    @Message String callback_made();
    @Message String callback_not_made();
    @Message String callback_abandoned();
}
