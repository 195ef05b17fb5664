package dk.hotline.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the shared layout and of the start and signed-out pages, in Danish, the same in every service.
 * Templates use {@code {common:key}}; the texts are in {@code messages/common_da.properties} of this module.
 * A service's own texts stay in its own bundle {@code msg}.
 */
@MessageBundle(value = "common", locale = "da")
public interface CommonMsg {

    @Message String app_name();
    @Message String authority();
    @Message String skip_to_content();
    @Message String sign_out();
    @Message String signed_in_as();
    @Message String signed_out_title();
    @Message String signed_out_text();
    @Message String sign_in_again();
    @Message String forbidden_text();
    @Message String footer_text();
}
