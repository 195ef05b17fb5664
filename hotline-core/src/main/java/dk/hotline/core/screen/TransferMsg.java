package dk.hotline.core.screen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Handing a live call on from the advisor console, in Danish. Its own bundle: {@link Msg} stays under ~300 messages. */
@MessageBundle(value = "transfer", locale = "da")
public interface TransferMsg {
    @Message String transfer_title();
    @Message String transfer_hint();
    @Message String transfer_target();
    @Message String transfer_target_SITE(String site);
    @Message String transfer_target_COORDINATION();
    @Message String transfer_target_COLLEAGUE();
    @Message String transfer_endpoint();
    @Message String transfer_endpoint_hint();
    @Message String transfer_note();
    @Message String transfer_note_hint();
    @Message String transfer_submit();
    @Message String transfer_error_summary();
    @Message String transfer_err_target();
    @Message String transfer_err_site();
    @Message String transfer_err_endpoint_required();
    @Message String transfer_err_endpoint_invalid();
    @Message String transfer_err_endpoint_own();
    @Message String transfer_err_note_long();
    @Message String transfer_err_unavailable();
    @Message String transfer_err_not_connected();
    @Message String transfer_pending(String target, String time);
    @Message String transfer_received(String from, String time);
    @Message String transfer_received_note();
    @Message String transfer_no_note();
    @Message String transfer_handed_on(String to, String time);
    @Message String transfer_advisors();
}
