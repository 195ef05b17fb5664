package dk.hotline.telephony.transfer.domain;

import java.util.concurrent.CompletionStage;

/** Outbound port: asks the PBX to blind-transfer the call on an advisor's channel to a [hotline-transfer] extension. */
public interface TransferSender {

    enum Outcome {
        /** Asterisk accepted the transfer; what follows is seen on the AMI stream. */
        ACCEPTED,
        /** Asterisk refused it (the channel is gone, not bridged, ...). */
        REFUSED,
        /** The AMI link is down, or Asterisk did not answer. */
        UNAVAILABLE
    }

    boolean linkUp();

    CompletionStage<Outcome> blindTransfer(String advisorChannel, TransferTarget target);
}
