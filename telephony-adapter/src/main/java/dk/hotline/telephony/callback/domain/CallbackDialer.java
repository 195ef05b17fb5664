package dk.hotline.telephony.callback.domain;

import java.util.concurrent.CompletionStage;

/** Places a callback at the PBX (AMI Originate). Completes true when Asterisk accepted it, false when it refused. */
public interface CallbackDialer {

    CompletionStage<Boolean> originate(CallbackCall call);
}
